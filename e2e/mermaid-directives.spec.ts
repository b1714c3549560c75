import { test, expect, target } from './fixtures'
import { callApi } from './web-server'

test.skip(target !== 'web', 'drives the API over HTTP to set up the answer')

/**
 * A diagram that carries its own configuration (`%%{init}%%` turning HTML labels back on) is
 * drawn with the app's settings anyway: labels stay plain SVG text, never HTML.
 */
test('a Mermaid diagram cannot turn HTML labels back on with an init directive', async ({ app }) => {
  const server = app.server!
  const session = await callApi<{ id: string; items: Array<{ questionId: string }> }>(server, 'createSession', { type: 'system-design', count: 1, order: 'as-listed' })
  const questionId = session.items[0]!.questionId
  const now = new Date().toISOString()
  // Both ways a diagram can configure mermaid: front matter (first) and a directive.
  const source = [
    '---',
    'config:',
    '  flowchart:',
    '    htmlLabels: true',
    '  htmlLabels: true',
    '---',
    '%%{init: {"htmlLabels": true, "flowchart": {"htmlLabels": true}, "securityLevel": "loose"}}%%',
    'flowchart LR',
    '  K["<b>Kafka</b>"] --> S[Spark]'
  ].join('\n')
  const saved = await callApi<{ answers: Array<{ answerId: string }> }>(server, 'saveSessionItem', {
    sessionId: session.id,
    questionId,
    notes: '',
    mermaid: { source, updatedAt: now }
  })
  const answerId = saved.answers[0]!.answerId
  await callApi(server, 'saveTypedAnswer', { id: answerId, sessionId: session.id, questionId, text: 'Kafka feeds Spark.' })
  await app.page.goto(`${server.origin}/#/review/answer/${answerId}`)
  const diagram = app.page.getByTestId('mermaid').getByTestId('mermaid-svg')
  await expect(diagram).toBeVisible({ timeout: 30_000 })
  await expect(diagram).toContainText('Spark')
  // HTML labels live in <foreignObject>; plain labels are SVG <text>.
  await expect(diagram.locator('foreignObject')).toHaveCount(0)
  await expect(diagram.locator('b')).toHaveCount(0)
})
