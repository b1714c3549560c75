import { describe, expect, it } from 'vitest'
import { sqlDrillOf } from './sql-drill'

describe('sqlDrillOf', () => {
  const setupCode = [{ lang: 'sql', code: 'create table t (a int);' }]
  it('needs a SQL question with a SQL setup', () => {
    expect(sqlDrillOf({ kind: 'concept', setupCode, answer: null })).toBeNull()
    expect(sqlDrillOf({ kind: 'sql', setupCode: [{ lang: 'text', code: 'Empid | Manager_id' }], answer: null })).toBeNull()
  })
  it('takes each SQL block of the answer as a reference', () => {
    const answer = '<details>\n\n```sql\nselect 1 from dual;\n```\n\ntext\n\n```sql\nselect 2 from dual;\n```\n```python\nprint(1)\n```'
    expect(sqlDrillOf({ kind: 'sql', setupCode, answer })).toEqual({
      setup: 'create table t (a int);',
      references: ['select 1 from dual;', 'select 2 from dual;'],
      referenceUnavailable: null
    })
  })
  it('says why Check cannot work when the answer is not a query', () => {
    expect(sqlDrillOf({ kind: 'sql', setupCode, answer: '7, 8, 8, 9, 20' })?.referenceUnavailable).toContain('7, 8, 8, 9, 20')
    expect(sqlDrillOf({ kind: 'sql', setupCode, answer: null })?.referenceUnavailable).toContain('no reference answer')
  })
})
