export { LibraryPage } from './LibraryPage'
export { QuestionPage } from './QuestionPage'
export { LibraryProvider, useLibrary } from './library-context'
export { kindLabels } from './kind-labels'
