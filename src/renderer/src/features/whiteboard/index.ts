import { lazy } from 'react'

/**
 * Excalidraw and mermaid are large: the board loads when a design session needs it. A session
 * with design questions starts loading it at once (`preloadDesignBoard`), while it opens.
 */
export const preloadDesignBoard = () => import('./DesignBoard')
export const LazyDesignBoard = lazy(preloadDesignBoard)
export type { DesignBoardProps } from './DesignBoard'
export { mermaidTemplates } from './mermaid-templates'
