// The schedule and the cut-off as plain JSON, amounts as decimal strings: what the Worker returns and the task pane shows.
import { toAmountString } from '../money'
import type { Cutoff } from './cutoff'
import type { Schedule } from './schedule'

/** The schedule as JSON: every amount a decimal string with two decimals ("33657.53"). */
export function scheduleJson(schedule: Schedule) {
  return {
    signature: schedule.signature,
    fin: schedule.fin,
    paiements: schedule.paiements.map((p) => ({
      id: p.id,
      date: p.date,
      annee: p.annee,
      nature: p.nature,
      libelle: p.libelle,
      mission: p.mission,
      montant: toAmountString(p.montant),
      periode: { du: p.periode.du, au: p.periode.au },
      base: p.base,
      droit: p.droit,
    })),
    droits: schedule.droits.map((d) => ({
      id: d.id,
      annee: d.annee,
      volet: d.volet,
      mission: d.mission,
      montant: toAmountString(d.montant),
      periode: { du: d.periode.du, au: d.periode.au },
      base: d.base,
    })),
    parAnnee: schedule.parAnnee.map((y) => ({
      annee: y.annee,
      debut: y.debut,
      fin: y.fin,
      taille: y.taille,
      version: y.version,
      fonctionnement: toAmountString(y.fonctionnement),
      fixe: toAmountString(y.fixe),
      variable: toAmountString(y.variable),
      total: toAmountString(y.total),
    })),
    parMission: schedule.parMission.map((m) => ({
      mission: m.mission,
      libelle: m.libelle,
      debut: m.debut,
      fixe: toAmountString(m.fixe),
      variable: toAmountString(m.variable),
      total: toAmountString(m.total),
    })),
    totaux: {
      fonctionnement: toAmountString(schedule.totaux.fonctionnement),
      fixe: toAmountString(schedule.totaux.fixe),
      variable: toAmountString(schedule.totaux.variable),
      total: toAmountString(schedule.totaux.total),
    },
    hypotheses: schedule.hypotheses.map((h) => ({ ...h })),
  }
}

export type ScheduleJson = ReturnType<typeof scheduleJson>

/** The cut-off as JSON: lines, journal and totals, every amount a decimal string. */
export function cutoffJson(cutoff: Cutoff) {
  return {
    exercice: { debut: cutoff.exercice.debut, fin: cutoff.exercice.fin },
    lignes: cutoff.lignes.map((l) => ({
      droit: l.droit.id,
      annee: l.droit.annee,
      volet: l.droit.volet,
      mission: l.droit.mission,
      montant: toAmountString(l.droit.montant),
      periode: { du: l.droit.periode.du, au: l.droit.periode.au },
      paiements: l.paiements.map((p) => ({
        id: p.id,
        date: p.date,
        nature: p.nature,
        montant: toAmountString(p.montant),
      })),
      compte: l.compte,
      reconnaissance: l.reconnaissance,
      acquisAvant: toAmountString(l.acquisAvant),
      produit: toAmountString(l.produit),
      acquisApres: toAmountString(l.acquisApres),
      encaisse: toAmountString(l.encaisse),
      pcaOuverture: toAmountString(l.pcaOuverture),
      parOuverture: toAmountString(l.parOuverture),
      pcaCloture: toAmountString(l.pcaCloture),
      parCloture: toAmountString(l.parCloture),
      calcul: l.calcul,
    })),
    journal: cutoff.journal.map((j) => ({
      date: j.date,
      ecriture: j.ecriture,
      compte: j.compte,
      libelle: j.libelle,
      debit: toAmountString(j.debit),
      credit: toAmountString(j.credit),
      calcul: j.calcul,
    })),
    parCompte: cutoff.parCompte.map((c) => ({
      compte: c.compte,
      libelle: c.libelle,
      encaissements: toAmountString(c.encaissements),
      produit: toAmountString(c.produit),
    })),
    totaux: {
      encaissements: toAmountString(cutoff.totaux.encaissements),
      produits: toAmountString(cutoff.totaux.produits),
      pcaOuverture: toAmountString(cutoff.totaux.pcaOuverture),
      parOuverture: toAmountString(cutoff.totaux.parOuverture),
      pcaCloture: toAmountString(cutoff.totaux.pcaCloture),
      parCloture: toAmountString(cutoff.totaux.parCloture),
      debit: toAmountString(cutoff.totaux.debit),
      credit: toAmountString(cutoff.totaux.credit),
    },
    hypotheses: cutoff.hypotheses.map((h) => ({ ...h })),
  }
}

export type CutoffJson = ReturnType<typeof cutoffJson>
