/** The kinds of question, as plain data: the renderer's first screen needs them without zod. */
export const questionKinds = ['behavioral', 'system-design', 'sql', 'coding', 'concept', 'scenario', 'product'] as const
