export { SqlDrillSection } from './SqlDrillSection'
