/**
 * Issue 24: the language server attached to every YAML file, and a compose.yaml got `unknown key
 * "services"`. It checks a file only when it is a playbook: by its `$schema`, by its top-level keys,
 * or because it lies in the user's playbook folder (and, in the server, when a playbook includes it).
 */
import { describe, expect, it } from 'vitest';
import { isPlaybookFile } from '../../src/lsp/workspace.js';

describe('which YAML files the language server checks', () => {
  it.each([
    ['compose.yaml', '/w/compose.yaml', 'services:\n  web:\n    image: nginx\n', false],
    ['an old compose file with version:', '/w/docker-compose.yml', 'version: "3"\nservices:\n  db: {}\n', false],
    ['a CI workflow', '/w/.github/workflows/ci.yml', 'name: CI\non: [push]\njobs:\n  test: {}\n', false],
    ['a Kubernetes manifest', '/w/deploy.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n', false],
    ['another tool\'s $schema', '/w/x.yaml', '$schema: https://json.schemastore.org/github-workflow\nid: x\n', false],
    ['another tool\'s schema modeline', '/w/x.yaml', '# yaml-language-server: $schema=https://example.com/openapi.json\ntitle: x\n', false],
    ['a playbook', '/w/bant.yaml', 'id: bant\ntitle: BANT\nquestions: []\n', true],
    ['a playbook with our modeline', '/w/bant.yaml', '# yaml-language-server: $schema=./playbook.schema.json\nid: bant\n', true],
    ['a playbook begun: id and title only', '/w/new.yaml', 'id: new\ntitle: New\n', true],
    ['a playbook with a mistake in a key', '/w/p.yaml', 'id: p\nquestions: []\nclases: []\n', true],
    ['a playbook begun, with a misspelt key', '/w/p.yaml', 'id: p\nclases: []\n', true],
    ['an included part', '/w/parts/questions.yaml', 'questions:\n  - id: a\n', true],
    ['a test file', '/w/bant.test.yaml', 'cases: []\n', false],
  ])('%s', (_name, file, text, expected) => {
    expect(isPlaybookFile(file, text)).toBe(expected);
  });

  it('any YAML file inside the user\'s playbook folder is one, whatever it holds', () => {
    expect(isPlaybookFile('/home/me/playbooks/odd.yaml', 'services: {}\n', ['/home/me/playbooks'])).toBe(true);
    expect(isPlaybookFile('/home/me/playbooks-old/odd.yaml', 'services: {}\n', ['/home/me/playbooks'])).toBe(false);
  });
});
