export { SettingsService } from './settings-service'
