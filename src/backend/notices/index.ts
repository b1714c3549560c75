export { NoticesService } from './notices-service'
