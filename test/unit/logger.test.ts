import { describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/logger.js';

describe('log redaction', () => {
  it('never writes credentials, secrets or personal fields, top level or one level down', () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (line: string) => lines.push(line) } });
    log.info(
      {
        leadId: 'lead_1',
        key: 'lr_live_secret',
        recipient: {
          headers: { 'X-Api-Token': 'buyer-token' },
          basic_auth: { username: 'u', password: 'hunter2' },
          key: 'lr_live_nested',
        },
        account: { webhook_secret: 'whsec_123' },
        rotation: { secret: 'whsec_new', previous: { secret: 'whsec_old' } },
        secrets: ['whsec_list'],
        evaluation: { normalized: { email: 'pat@example.com' }, first_name: 'Pat', last_name: 'Lee' },
      },
      'something happened',
    );
    const text = lines.join('');
    for (const secret of [
      'lr_live_secret',
      'lr_live_nested',
      'buyer-token',
      'hunter2',
      'whsec_123',
      'whsec_new',
      'whsec_list',
      'pat@example.com',
      'Pat',
      'Lee',
    ])
      expect(text, secret).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ leadId: 'lead_1', msg: 'something happened' });
  });

  it('never writes an SSN or parsed lead values, wherever a careless log call puts them', () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (line: string) => lines.push(line) } });
    log.info({ ssn: '123-45-6789', dob: '1990-01-02' }, 'top level');
    log.info({ lead: { ssn: '223-45-6789' }, evaluation: { ssn: '323-45-6789' } }, 'one level down');
    log.info(
      {
        fields: { ssn: { normal: '423456789', raw: '423-45-6789' } },
        evaluation: { parsed: { ssn: { normal: '523456789' } }, storable: { fields: { x: '623456789' } } },
      },
      'parsed values',
    );
    const text = lines.join('');
    for (const secret of ['6789', '1990-01-02']) expect(text, secret).not.toContain(secret);
    expect(lines).toHaveLength(3);
  });
});
