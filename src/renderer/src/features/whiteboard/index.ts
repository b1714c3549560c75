import { lazy } from 'react'

/** Excalidraw and mermaid are large: the board loads when a design question first shows it. */
export const LazyDesignBoard = lazy(() => import('./DesignBoard'))
export type { DesignBoardProps } from './DesignBoard'
export { mermaidTemplates } from './mermaid-templates'
