export { BackupService, type BackupServiceOptions } from './backup-service'
export { rollDbBackup, listAutoBackups, autoBackupDir, AUTO_BACKUP_KEEP } from './rolling-backup'
