import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CURRENT_SCHEMA_VERSION } from '../src/backend/storage/db-schema'
import { test, expect } from './fixtures'

test('a corrupt db.json is moved aside with its bytes intact and the app starts with a banner', async ({ app }) => {
  await expect(app.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  const corrupt = Buffer.from('{"schemaVersion": 1, "settings": {"theme": "dark", \u00ff broken')
  // Stop first so the running app cannot rewrite the file we are about to break.
  await app.close()
  writeFileSync(join(app.dataDir, 'db.json'), corrupt)
  await app.restart()

  const banner = app.page.getByTestId('notice-data-file-recovered')
  await expect(banner).toBeVisible()
  const moved = readdirSync(app.dataDir).filter((name) => /^db\.corrupt-.*\.json$/.test(name))
  expect(moved).toHaveLength(1)
  await expect(banner).toContainText(moved[0]!)
  expect(readFileSync(join(app.dataDir, moved[0]!)).equals(corrupt)).toBe(true)
  // The fresh file is valid (written at the current schema version) and the app works.
  expect(JSON.parse(readFileSync(join(app.dataDir, 'db.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
  await app.page.getByRole('link', { name: 'Settings' }).click()
  await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()

  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toBeHidden()
  await app.restart()
  await expect(app.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await expect(app.page.getByTestId('notice-data-file-recovered')).toHaveCount(0)
})
