import { agreementReport, AgreementView, currentAgreements, LedgerPayload, reportRows } from './agreement-model';
import { canonicalJson, entryHash, GENESIS_HASH } from './canonical-json';
import { ChainVerifier, StoredEntry } from './chain';
import { amountProblem, CurrencyTotals, normaliseAmount } from './decimal';

describe('decimal amounts', () => {
  it('sums exactly where floats do not', () => {
    const totals = new CurrencyTotals();
    totals.add('0.1', 'USD');
    totals.add('0.2', 'USD');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(totals.toList()).toEqual([{ currency: 'USD', total: '0.30' }]);
  });

  it('keeps every digit of 18-digit amounts and beyond', () => {
    const totals = new CurrencyTotals();
    totals.add('999999999999999999.99', 'CNY');
    totals.add('123456789012345678.01', 'CNY');
    totals.add('1', 'CNY');
    expect(totals.toList()).toEqual([{ currency: 'CNY', total: '1123456789012345679.00' }]);
  });

  it('never mixes currencies and uses each currency’s minor unit', () => {
    const totals = new CurrencyTotals();
    totals.add('1500', 'JPY');
    totals.add('10.5', 'RUB');
    totals.add('0.125', 'KWD');
    totals.add('0.05', 'RUB');
    expect(totals.toList()).toEqual([
      { currency: 'JPY', total: '1500' },
      { currency: 'KWD', total: '0.125' },
      { currency: 'RUB', total: '10.55' },
    ]);
    expect(normaliseAmount('10.500', 'USD')).toBe('10.50');
  });

  it('names what is wrong with a bad amount or currency', () => {
    expect(amountProblem('12.345', 'USD')).toMatch(/3 decimal places but USD has 2/);
    expect(amountProblem('10.5', 'JPY')).toMatch(/JPY has 0/);
    expect(amountProblem('-5', 'USD')).toMatch(/non-negative decimal string/);
    expect(amountProblem('1e6', 'USD')).toMatch(/decimal string/);
    expect(amountProblem('007', 'USD')).toMatch(/decimal string/);
    expect(amountProblem('1'.repeat(21), 'USD')).toMatch(/20 integer digits/);
    expect(amountProblem('10', 'XYZ')).toMatch(/not an ISO 4217 code/);
    expect(amountProblem('10', 'usd')).toMatch(/not an ISO 4217 code/);
    expect(amountProblem('10.10', 'RUB')).toBeNull();
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined and refuses floats', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 'x', y: null }], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[2,{"y":null,"z":"x"}]},"b":1}',
    );
    expect(() => canonicalJson({ amount: 0.1 })).toThrow(/integers only/);
    expect(canonicalJson({ name: 'Волга 江西 "q"' })).toBe('{"name":"Волга 江西 \\"q\\""}');
  });
});

describe('chain verification', () => {
  function chain(n: number): StoredEntry[] {
    const entries: StoredEntry[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const payload = canonicalJson({ seq, eventId: 'e', agreementId: `a${seq}`, title: `T${seq}` });
      const hash = entryHash(prev, payload);
      entries.push({ seq, eventId: 'e', agreementId: `a${seq}`, payload, prevHash: prev, hash });
      prev = hash;
    }
    return entries;
  }
  const verify = (entries: StoredEntry[], head = { lastSeq: 5, lastHash: chain(5)[4].hash }) => {
    const v = new ChainVerifier();
    entries.forEach((e) => v.push(e));
    return v.finish(head);
  };

  it('accepts an untouched chain and an empty ledger', () => {
    expect(verify(chain(5))).toMatchObject({ valid: true, entriesChecked: 5, firstBroken: null });
    expect(verify([], { lastSeq: 0, lastHash: GENESIS_HASH })).toMatchObject({ valid: true, headHash: GENESIS_HASH });
  });

  it('names the entry whose payload, hash or link was changed', () => {
    const edited = chain(5);
    edited[2] = { ...edited[2], payload: edited[2].payload.replace('T3', 'T9') };
    expect(verify(edited).firstBroken).toMatchObject({ seq: 3, reason: 'HASH_MISMATCH' });

    const rehashed = chain(5);
    rehashed[1] = { ...rehashed[1], hash: 'f'.repeat(64) };
    expect(verify(rehashed).firstBroken).toMatchObject({ seq: 2, reason: 'HASH_MISMATCH' });

    // payload and hash both rewritten consistently: the next entry's link no longer matches
    const forged = chain(5);
    const payload = forged[2].payload.replace('T3', 'T9');
    forged[2] = { ...forged[2], payload, hash: entryHash(forged[2].prevHash, payload) };
    expect(verify(forged).firstBroken).toMatchObject({ seq: 4, reason: 'PREVIOUS_HASH_MISMATCH' });

    const moved = chain(5);
    moved[1] = { ...moved[1], agreementId: 'other' };
    expect(verify(moved).firstBroken).toMatchObject({ seq: 2, reason: 'PAYLOAD_DOES_NOT_MATCH_ROW' });

    const spaced = chain(5);
    spaced[0] = { ...spaced[0], payload: spaced[0].payload.replace('{', '{ ') };
    expect(verify(spaced).firstBroken).toMatchObject({ seq: 1, reason: 'PAYLOAD_NOT_CANONICAL' });
  });

  it('sees deleted entries in the middle and at the end, and entries added behind the head', () => {
    const full = chain(5);
    expect(verify([...full.slice(0, 2), ...full.slice(3)]).firstBroken).toMatchObject({
      seq: 3,
      reason: 'ENTRY_MISSING',
    });
    expect(verify(full.slice(0, 4)).firstBroken).toMatchObject({ seq: 5, reason: 'ENTRY_MISSING' });
    expect(verify(full, { lastSeq: 4, lastHash: full[3].hash }).firstBroken).toMatchObject({
      seq: 5,
      reason: 'ENTRY_NOT_IN_HEAD',
    });
  });
});

describe('current state and report', () => {
  const base = {
    v: 1 as const,
    eventId: 'e',
    recordedBy: 'u',
    reason: null,
  };
  const state = (over: Partial<LedgerPayload['agreement']>): LedgerPayload['agreement'] => ({
    title: 'T',
    kind: 'contract',
    sector: 'logistics',
    parties: [
      { companyId: null, name: 'A', country: 'CN', signatories: [] },
      { companyId: null, name: 'B', country: 'RU', signatories: [] },
    ],
    value: null,
    signedAt: '2027-06-11T08:00:00.000Z',
    sessionId: null,
    meetingId: null,
    documentSha256: null,
    ...over,
  });
  const entries: LedgerPayload[] = [
    {
      ...base,
      seq: 1,
      agreementId: 'x',
      action: 'signed',
      recordedAt: 't1',
      agreement: state({ value: { amount: '100.10', currency: 'CNY' } }),
    },
    {
      ...base,
      seq: 2,
      agreementId: 'y',
      action: 'signed',
      recordedAt: 't2',
      agreement: state({
        kind: 'mou',
        sector: 'agriculture',
        meetingId: 'm',
        value: { amount: '0.20', currency: 'CNY' },
      }),
    },
    {
      ...base,
      seq: 3,
      agreementId: 'x',
      action: 'amended',
      recordedAt: 't3',
      agreement: state({ value: { amount: '200.10', currency: 'CNY' } }),
    },
    {
      ...base,
      seq: 4,
      agreementId: 'z',
      action: 'signed',
      recordedAt: 't4',
      agreement: state({ value: { amount: '50', currency: 'RUB' } }),
    },
    {
      ...base,
      seq: 5,
      agreementId: 'z',
      action: 'withdrawn',
      recordedAt: 't5',
      agreement: state({ value: { amount: '50', currency: 'RUB' } }),
    },
  ];

  it('folds the ledger into each agreement’s latest version', () => {
    const current = currentAgreements(entries);
    expect(
      current.map((a: AgreementView) => [a.id, a.status, a.version, a.firstSeq, a.lastSeq, a.value?.amount]),
    ).toEqual([
      ['x', 'active', 2, 1, 3, '200.10'],
      ['y', 'active', 1, 2, 2, '0.20'],
      ['z', 'withdrawn', 2, 4, 5, '50'],
    ]);
  });

  it('reports only active agreements, exactly, grouped four ways', () => {
    const report = agreementReport(currentAgreements(entries));
    expect(report).toMatchObject({
      agreements: 2,
      withdrawn: 1,
      fromMeetings: 1,
      totals: [{ currency: 'CNY', total: '200.30' }],
      bySector: [
        { key: 'agriculture', count: 1, totals: [{ currency: 'CNY', total: '0.20' }] },
        { key: 'logistics', count: 1, totals: [{ currency: 'CNY', total: '200.10' }] },
      ],
      byCountryPair: [{ key: 'CN–RU', count: 2, totals: [{ currency: 'CNY', total: '200.30' }] }],
      byKind: [
        { key: 'contract', count: 1 },
        { key: 'mou', count: 1 },
      ],
      byCurrency: [{ key: 'CNY', count: 2, totals: [{ currency: 'CNY', total: '200.30' }] }],
    });
    const rows = reportRows(report);
    expect(rows[0]).toEqual(['dimension', 'group', 'agreements', 'currency', 'total']);
    expect(rows).toContainEqual(['sector', 'agriculture', '1', 'CNY', '0.20']);
  });
});
