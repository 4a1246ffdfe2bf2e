import { createContext } from 'react'

/**
 * Whether the server answers `artifact-frame` (the Runboard server does; Vite's dev server and a
 * static demo build do not). With it, an HTML preview's interactive mode loads the file as a document
 * of its own under a sandboxing policy; without it, from `srcdoc`, which works only where the page
 * itself has no script policy (as in development).
 */
export const ArtifactFramesContext = createContext(false)
