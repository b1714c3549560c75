export { BackupCard } from './BackupCard'
