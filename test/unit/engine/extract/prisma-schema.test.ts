import * as assert from 'node:assert/strict';
import { parsePrismaSchema, prismaDelegateName } from '../../../../src/core/engine/extract';

describe('Prisma schema models', () => {
  it('reads models with their @@map table, delegate name and range', () => {
    const schema = [
      'generator client { provider = "prisma-client-js" }',
      '// model Commented { }',
      'model Ticket {',
      '  id    String @id',
      '  title String @map("ticket_title") // @@map("not-this")',
      '  @@map("tickets")',
      '}',
      '',
      'model KnowledgeArticle {',
      '  id String @id',
      '}',
      'view TicketStats { id String @unique }',
    ].join('\n');
    assert.deepEqual(parsePrismaSchema(schema), [
      { name: 'Ticket', table: 'tickets', delegate: 'ticket', range: { start: { line: 2, column: 6 }, end: { line: 2, column: 12 } } },
      { name: 'KnowledgeArticle', table: 'KnowledgeArticle', delegate: 'knowledgeArticle', range: { start: { line: 8, column: 6 }, end: { line: 8, column: 22 } } },
      { name: 'TicketStats', table: 'TicketStats', delegate: 'ticketStats', range: { start: { line: 11, column: 5 }, end: { line: 11, column: 16 } } },
    ]);
  });

  it('lowercases only the first letter for the client delegate', () => {
    assert.equal(prismaDelegateName('HTTPLog'), 'hTTPLog');
  });
});
