// The profile form's logic: what a typed value gives (taille, version in force, envelopes) and the French errors.
import { beforeEach, describe, expect, it } from 'vitest'
import { runCheck } from '../../addin/taskpane/check/run-check'
import {
  draftOf,
  evaluateDraft,
  newDraft,
  parsePopulationText,
  parseTauxText,
  withSignature,
} from '../../addin/taskpane/profile/draft'
import { bundledCatalog, checkBudget, toAmountString } from '../../shared'
import { oneLineBudget } from './support/action-services'

const catalog = bundledCatalog()
const avenant2 = catalog.byVersionId('aci-avenant-2')

describe('typed values', () => {
  it('reads a population as French users type it', () => {
    expect(parsePopulationText('62 000')).toBe(62000)
    expect(parsePopulationText('62\u202f000')).toBe(62000)
    expect(parsePopulationText('62.000')).toBe(62000)
    expect(parsePopulationText('62,5')).toBeUndefined()
    expect(parsePopulationText('')).toBeUndefined()
  })

  it('reads a rate in percent, with a decimal comma, exactly', () => {
    expect(parseTauxText('80')).toBe('0.8')
    expect(parseTauxText('80 %')).toBe('0.8')
    expect(parseTauxText('72,5')).toBe('0.725')
    expect(parseTauxText('33,3333')).toBe('0.333333')
    expect(parseTauxText('100')).toBe('1')
    expect(parseTauxText('0')).toBe('0')
    expect(parseTauxText('101')).toBeUndefined()
    expect(parseTauxText('-5')).toBeUndefined()
  })
})

describe('evaluateDraft', () => {
  it('gives the taille, the version in force at signature and the envelopes, live', () => {
    const draft = {
      ...newDraft('2026-11-23', avenant2),
      nom: 'CPTS du Val',
      population: '62 000',
      signature: '2023-03-01',
    }
    const result = evaluateDraft(draft, catalog)
    expect(result.errors).toEqual({})
    expect(result.taille).toBe(2)
    expect(result.table?.id).toBe('aci-avenant-2')
    // Taille 2, avenant 2, the four socle missions at 100 % (crise: first writing, no crisis variable counted at 100 %).
    expect(result.envelopes?.missions.map((m) => m.mission)).toEqual([
      'acces',
      'parcours',
      'prevention',
      'crise',
    ])
    expect(toAmountString(result.envelopes?.fonctionnement ?? avenant2.total[1])).toBe('60000.00')
    expect(result.profil).toMatchObject({
      nom: 'CPTS du Val',
      population: 62000,
      signature: '2023-03-01',
    })
    expect(result.profil?.missions.find((m) => m.mission === 'crise')).toMatchObject({
      phase: 'redaction',
    })
  })

  it('moves the missions still starting at the signature with it, and keeps a start typed by hand', () => {
    const base = newDraft('2026-11-23', avenant2)
    const typed = {
      ...base,
      missions: { ...base.missions, parcours: { ...base.missions.parcours, debut: '2026-09-01' } },
    }
    const moved = withSignature(typed, '2023-03-01')
    expect(moved.signature).toBe('2023-03-01')
    expect(moved.missions.acces.debut).toBe('2023-03-01')
    expect(moved.missions.parcours.debut).toBe('2026-09-01')
  })

  it('uses the 2019 grid for a contract signed in 2021', () => {
    const draft = {
      ...newDraft('2026-11-23', avenant2),
      nom: 'X',
      population: '30000',
      signature: '2021-06-30',
    }
    expect(evaluateDraft(draft, catalog).table?.id).toBe('aci-2019')
  })

  it('says what to correct, field by field, in French', () => {
    const base = newDraft('2026-11-23', avenant2)
    const draft = {
      ...base,
      population: 'beaucoup',
      fin: '2025-12-31',
      missions: { ...base.missions, acces: { ...base.missions.acces, taux: '150' } },
    }
    const result = evaluateDraft(draft, catalog)
    expect(result.errors.nom).toBe('Saisissez le nom de la CPTS.')
    expect(result.errors.population).toMatch(/nombre entier d’habitants/)
    expect(result.errors.fin).toBe('La fin de l’exercice doit suivre son début (01/01/2026).')
    expect(result.errors['taux.acces']).toBe(
      '150 % dépasse 100 % : le taux d’atteinte va de 0 à 100 %.'
    )
    expect(result.profil).toBeNull()
  })

  // The profile's mistakes of a first use: each one a field error, none used in the envelopes.
  const valid = () => {
    const base = newDraft('2026-11-23', avenant2)
    return {
      ...base,
      nom: 'CPTS du Pays de Sèvre et Loire',
      population: '62 000',
      signature: '2024-04-15',
      missions: {
        ...base.missions,
        acces: { ...base.missions.acces, debut: '2024-10-01', taux: '80' },
      },
    }
  }
  const withTaux = (taux: string) => {
    const draft = valid()
    return { ...draft, missions: { ...draft.missions, acces: { ...draft.missions.acces, taux } } }
  }

  it('a rate of « abc » is a field error, never 100 %, and no envelope is computed from it', () => {
    const result = evaluateDraft(withTaux('abc'), catalog)
    expect(result.errors['taux.acces']).toBe(
      '« abc » n’est pas un taux : un pourcentage de 0 à 100 (par exemple 80 ou 72,5).'
    )
    expect(result.envelopes).toBeNull()
    expect(result.envelopesPending).toBe(
      'Enveloppes non calculées : corrigez le taux d’atteinte de la mission « Accès aux soins ».'
    )
    expect(result.profil).toBeNull()
  })

  it('a rate of « 150 » is refused, not capped at 100 %', () => {
    const result = evaluateDraft(withTaux('150'), catalog)
    expect(result.errors['taux.acces']).toMatch(/^150 % dépasse 100 %/)
    expect(result.envelopes).toBeNull()
    // The same draft at 80 % computes; at 100 % the envelope would be larger: nothing was capped.
    const ok = evaluateDraft(withTaux('80'), catalog)
    expect(ok.errors).toEqual({})
    expect(ok.envelopesPending).toBeNull()
    expect(toAmountString(ok.envelopes?.missions[0]?.variable ?? avenant2.total[1])).toBe(
      '24000.00'
    )
  })

  it('a population of « -5 » or « 62 000 hab. » is a field error that quotes what was typed', () => {
    for (const population of ['-5', '62 000 hab.']) {
      const result = evaluateDraft({ ...valid(), population }, catalog)
      expect(result.errors.population).toBe(
        `« ${population} » n’est pas une population : un nombre entier d’habitants, sans unité (par exemple 62 000).`
      )
      expect(result.taille).toBeNull()
      expect(result.envelopes).toBeNull()
    }
  })

  it('a mission starting before the signature is an error on its start date', () => {
    const draft = valid()
    const early = {
      ...draft,
      missions: { ...draft.missions, acces: { ...draft.missions.acces, debut: '2023-01-01' } },
    }
    const result = evaluateDraft(early, catalog)
    expect(result.errors['debut.acces']).toBe(
      'Le démarrage doit être le jour de la signature ou après (15/04/2024).'
    )
    expect(result.profil).toBeNull()
    expect(evaluateDraft(valid(), catalog).errors).toEqual({})
  })

  it('a fiscal year ending before it starts is an error on its end, naming the start', () => {
    const result = evaluateDraft({ ...valid(), debut: '2026-01-01', fin: '2025-12-31' }, catalog)
    expect(result.errors.fin).toBe('La fin de l’exercice doit suivre son début (01/01/2026).')
    expect(result.profil).toBeNull()
  })

  it('a signature before the first grid is an error on that field', () => {
    const draft = { ...newDraft('2026-11-23', avenant2), signature: '2018-01-01' }
    expect(evaluateDraft(draft, catalog).errors.signature).toMatch(/signature/)
  })

  it('draftOf gives back the profile an imported budget carries', () => {
    const profil = {
      nom: 'CPTS des Deux Rives',
      population: 62000,
      signature: '2023-03-01',
      exercice: { debut: '2025-01-01', fin: '2025-12-31' },
      missions: [
        { mission: 'acces' as const, debut: '2023-03-01', taux: '0.725' },
        {
          mission: 'crise' as const,
          debut: '2024-03-01',
          taux: '0',
          phase: 'mise_a_jour' as const,
        },
      ],
    }
    const draft = draftOf(profil, avenant2)
    expect(draft.missions.acces).toEqual({ engagee: true, debut: '2023-03-01', taux: '72,5' })
    expect(draft.missions.parcours.engagee).toBe(false)
    expect(draft.phase).toBe('mise_a_jour')
    expect(evaluateDraft(draft, catalog).profil).toEqual(profil)
  })
})

describe('runCheck', () => {
  const doc = oneLineBudget

  /** The pauses runCheck asked for, none of them waited. */
  const pauses: number[] = []
  const pause = async (ms: number) => {
    pauses.push(ms)
  }
  beforeEach(() => {
    pauses.length = 0
  })

  it('falls back to the shared module when the service cannot be reached twice, and says so', async () => {
    let calls = 0
    const fetch = (async () => {
      calls++
      throw new TypeError('Failed to fetch')
    }) as typeof globalThis.fetch
    const result = await runCheck(doc, { fetch, api: 'https://x/api/v1/', pause })
    expect(calls).toBe(2)
    expect(pauses).toEqual([300])
    expect(result.origin).toBe('local')
    expect(result.note).toBe(
      'Contrôle fait sur cet ordinateur : le service est injoignable (pas de réseau, ou service arrêté).'
    )
    expect(result.report.totaux.charges).toBe('1000.00')
  })

  it('uses the service’s report when it answers, and its French detail when it refuses', async () => {
    const report = { ...checkBudget(doc), cpts: 'du service' }
    const ok = (async () => Response.json(report)) as typeof globalThis.fetch
    const answered = await runCheck(doc, { fetch: ok, api: 'https://x/api/v1/' })
    expect(answered.origin).toBe('service')
    expect(answered.report.cpts).toBe('du service')
    const refused = (async () =>
      Response.json(
        { title: 'Budget invalide', detail: 'lignes[0].compte : inconnu' },
        { status: 422 }
      )) as typeof globalThis.fetch
    await expect(runCheck(doc, { fetch: refused, api: 'https://x/api/v1/' })).rejects.toThrow(
      'lignes[0].compte : inconnu'
    )
  })

  it('checks here, and says why, when the service answers something that is not a report', async () => {
    for (const body of [
      { cpts: 'du service' },
      'pas du JSON',
      { ...checkBudget(doc), findings: 3 },
    ]) {
      const odd = (async () =>
        typeof body === 'string' ? new Response(body) : Response.json(body)) as typeof fetch
      const result = await runCheck(doc, { fetch: odd, api: 'https://x/api/v1/' })
      expect(result.origin).toBe('local')
      expect(result.note).toBe(
        'Contrôle fait sur cet ordinateur : la réponse du service est illisible (ce n’est pas un rapport de contrôle).'
      )
      expect(result.report.cpts).toBe('CPTS Essai')
      expect(result.report.totaux.charges).toBe('1000.00')
    }
  })

  /** A budget of `n` lines with a split, as a large CPTS would write it. */
  const big = (n: number) => ({
    ...doc,
    lignes: Array.from({ length: n }, (_, i) => ({
      compte: '6226',
      libelle: `Honoraires du cabinet d’expertise comptable, mission ${i + 1} de l’exercice`,
      montant: '1200.00',
      repartition: {
        mode: 'montants' as const,
        parts: [
          { section: 'fonctionnement' as const, montant: '600.00' },
          { section: 'hors_aci' as const, montant: '600.00' },
        ],
      },
    })),
  })

  it('sends compact JSON: 2 500 lines stay under the service’s 1 Mio', async () => {
    let sent = ''
    const capture = (async (_url: unknown, init?: RequestInit) => {
      sent = String(init?.body)
      return Response.json(checkBudget(big(2500)))
    }) as typeof globalThis.fetch
    const result = await runCheck(big(2500), { fetch: capture, api: 'https://x/api/v1/' })
    expect(result.origin).toBe('service')
    expect(sent).not.toContain('\n')
    expect(new TextEncoder().encode(sent).length).toBeLessThan(1024 * 1024)
  })

  it('checks here when the service refuses a budget too large (413), saying its size and the limit', async () => {
    const tooLarge = (async () =>
      Response.json(
        {
          title: 'Corps trop grand',
          detail: 'Le corps de la requête dépasse 1048576 octets (1 Mio).',
        },
        { status: 413 }
      )) as typeof globalThis.fetch
    const result = await runCheck(big(7000), { fetch: tooLarge, api: 'https://x/api/v1/' })
    expect(result.origin).toBe('local')
    expect(result.note).toMatch(
      /^Contrôle fait sur cet ordinateur : le service a refusé un budget de \d,\d Mio \(limite 1 Mio\)\.$/
    )
    expect(result.report.totaux.charges).toBe('8400000.00')
  })

  it('checks here, saying the status, when the service refuses otherwise or fails', async () => {
    for (const [status, note, calls] of [
      [404, 'le service a refusé la demande (statut 404)', 1],
      [429, 'le service a refusé la demande (statut 429)', 1],
      [500, 'le service est en erreur (statut 500)', 1],
      [502, 'le service est en erreur (statut 502)', 2],
      [503, 'le service est en erreur (statut 503)', 2],
      [504, 'le service est en erreur (statut 504)', 2],
    ] as const) {
      let sent = 0
      const refusing = (async () => {
        sent++
        return new Response('non', { status })
      }) as typeof globalThis.fetch
      const result = await runCheck(doc, { fetch: refusing, api: 'https://x/api/v1/', pause })
      expect(result.origin).toBe('local')
      expect(result.note).toBe(`Contrôle fait sur cet ordinateur : ${note}.`)
      expect(sent, `statut ${status}`).toBe(calls)
    }
  })

  it('tries once more, after a pause, when the first answer is a 503 or no answer at all', async () => {
    const report = { ...checkBudget(doc), cpts: 'du service' }
    for (const first of [
      async () => new Response('Your worker restarted mid-request.', { status: 503 }),
      async () => {
        throw new TypeError('Failed to fetch')
      },
    ]) {
      pauses.length = 0
      const bodies: string[] = []
      const flaky = (async (_url: unknown, init?: RequestInit) => {
        bodies.push(String(init?.body))
        return bodies.length === 1 ? first() : Response.json(report)
      }) as typeof globalThis.fetch
      const result = await runCheck(doc, { fetch: flaky, api: 'https://x/api/v1/', pause })
      expect(result).toEqual({ report, origin: 'service', note: null })
      expect(pauses).toEqual([300])
      expect(bodies).toEqual([JSON.stringify(doc), JSON.stringify(doc)])
    }
  })
})
