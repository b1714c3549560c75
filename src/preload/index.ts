import { contextBridge, ipcRenderer } from 'electron'
import { buildWindowApi } from './build-window-api'

contextBridge.exposeInMainWorld('api', buildWindowApi(ipcRenderer))
