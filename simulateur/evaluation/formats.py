"""Les rapports dans les cinq formats de `simulateur evaluer` : texte, json, markdown, html, csv."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from typing import Any

from simulateur.actes import NOMS_AXES
from simulateur.evaluation.rapport import AXES, Preuve, Rapport

FORMATS = ("texte", "json", "markdown", "html", "csv")


def _note(x: float | None) -> str:
    return "—" if x is None else f"{x:.0f}"


def _entente(r: Rapport) -> str:
    if not r.entente:
        return "aucune"
    e = r.entente
    return f"{e['montant']:.2f} {r.devise} ({e['frequence']})"


def _ligne_preuve(p: Preuve) -> str:
    ou = f"tour {p.tour}" if p.tour else "session"
    signe = "+" if p.sens == "positif" else "−"
    ref = f" ({p.reference})" if p.reference else ""
    points = f" [{p.points:+.0f}]" if p.points else ""
    return f"  {signe} {ou} · {p.regle}{ref}{points} — « {p.citation} » — {p.conseil}"


def en_texte(rapports: Sequence[Rapport]) -> str:
    blocs = []
    for r in rapports:
        lignes = [
            f"{r.transcription}",
            f"Scénario {r.scenario_id} · apprenant {r.apprenant or '—'} · graine {r.graine} · fin : {r.resultat or 'interrompu'}",
            f"Note globale : {_note(r.note_globale)}/100"
            + (
                f" (revue : {_note(r.note_globale_revisee)})"
                if r.note_globale_revisee is not None
                else ""
            ),
            f"Entente : {_entente(r)} · capacité réelle du débiteur : {r.capacite_reelle:.2f} {r.devise} par mois",
        ]
        lignes += [f"Avertissement : {a}" for a in r.avertissements]
        for a in AXES:
            axe = r.axes[a]
            revue = f" → revue : {_note(r.notes_revisees[a])}" if a in r.notes_revisees else ""
            plafond = (
                f" (plafonnée à {axe.plafond:.0f} : infraction grave)"
                if axe.plafond is not None
                else ""
            )
            lignes.append(f"{NOMS_AXES[a]} : {_note(axe.note)}{plafond}{revue}")
            lignes += [_ligne_preuve(p) for p in axe.preuves]
        for n in (r.revision or {}).get("annotations", []):
            lignes.append(
                f"Annotation (tour {n.get('tour') or '—'}, {n.get('auteur')}) : {n.get('texte')}"
            )
        for a, n in (r.revision or {}).get("notes", {}).items():
            lignes.append(
                f"Note revue {NOMS_AXES.get(a, a)} : {n.get('note')} — {n.get('raison')} ({n.get('auteur')})"
            )
        blocs.append("\n".join(lignes))
    return "\n\n".join(blocs) + "\n"


def en_json(rapports: Sequence[Rapport]) -> str:
    donnees: Any = [r.vers_dict() for r in rapports]
    if len(donnees) == 1:
        donnees = donnees[0]
    return json.dumps(donnees, ensure_ascii=False, indent=2) + "\n"


def _md(texte: str) -> str:
    return texte.replace("|", "\\|").replace("\n", " ")


def en_markdown(rapports: Sequence[Rapport]) -> str:
    sortie = []
    for r in rapports:
        sortie.append(f"# Évaluation — {r.scenario_id} ({r.apprenant or 'apprenant anonyme'})\n")
        sortie.append(
            f"- Transcription : `{r.transcription}`\n- Fin : {r.resultat or 'interrompu'}\n"
            f"- Note globale : **{_note(r.note_globale)}/100**\n- Entente : {_entente(r)}\n"
            f"- Capacité réelle du débiteur : {r.capacite_reelle:.2f} {r.devise} par mois\n"
        )
        sortie.append("| axe | note | revue |\n|---|---|---|")
        for a in AXES:
            sortie.append(
                f"| {NOMS_AXES[a]} | {_note(r.axes[a].note)} | {_note(r.notes_revisees.get(a))} |"
            )
        for a in AXES:
            axe = r.axes[a]
            if not axe.preuves:
                continue
            sortie.append(f"\n## {NOMS_AXES[a]} — {_note(axe.note)}\n")
            sortie.append("| tour | constat | règle | référence | conseil |\n|---|---|---|---|---|")
            for p in axe.preuves:
                signe = "✔" if p.sens == "positif" else "✘"
                sortie.append(
                    f"| {p.tour or '—'} | {signe} {_md(p.citation)} | `{p.regle}` | {_md(p.reference)} | {_md(p.conseil)} |"
                )
        sortie.append("")
    return "\n".join(sortie) + "\n"


def en_csv(rapports: Sequence[Rapport]) -> str:
    tampon = io.StringIO()
    colonnes = [
        "transcription",
        "scenario",
        "apprenant",
        "graine",
        "debut",
        "resultat",
        "note_globale",
        "note_globale_revisee",
        *AXES,
        *(f"{a}_revue" for a in AXES),
        "entente_montant",
        "entente_frequence",
        "capacite_reelle",
        "montant_du",
        "devise",
        "infractions",
    ]
    w = csv.writer(tampon)
    w.writerow(colonnes)
    for r in rapports:
        infractions = sum(
            1
            for p in r.axes["conformite"].preuves
            if p.sens == "negatif" and p.infraction and p.infraction != "bonne_pratique"
        )
        w.writerow(
            [
                r.transcription,
                r.scenario_id,
                r.apprenant,
                r.graine,
                r.debut,
                r.resultat or "",
                r.note_globale,
                "" if r.note_globale_revisee is None else r.note_globale_revisee,
                *("" if r.axes[a].note is None else r.axes[a].note for a in AXES),
                *(r.notes_revisees.get(a, "") for a in AXES),
                (r.entente or {}).get("montant", ""),
                (r.entente or {}).get("frequence", ""),
                r.capacite_reelle,
                r.montant_du,
                r.devise,
                infractions,
            ]
        )
    return tampon.getvalue()


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d232b;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.meta{color:#57606a}.notes{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.6rem;margin:1rem 0}
.carte{border:1px solid #d0d7de;border-radius:.5rem;padding:.6rem}.carte b{display:block;font-size:1.6rem}
.barre{height:.4rem;background:#eaeef2;border-radius:.2rem}.barre i{display:block;height:100%;background:#2f81f7;border-radius:.2rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{border:1px solid #d0d7de;padding:.3rem .45rem;vertical-align:top;text-align:left}
.pos{color:#1a7f37}.neg{color:#cf222e}.tour{margin:.5rem 0;padding:.5rem .7rem;border-left:4px solid #d0d7de;page-break-inside:avoid}
.tour.faute{border-left-color:#cf222e;background:#fff5f5}.qui{font-weight:600}.deb{color:#57606a}.ann{font-size:.85rem;color:#57606a}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none}.carte{break-inside:avoid}h2{break-after:avoid}}
"""


def _h(x: object) -> str:
    return html.escape(str(x), quote=True)


def _html_rapport(r: Rapport) -> str:
    from simulateur.transcription import TranscriptionIllisible, lire_transcription

    parts = [f"<section><h1>Évaluation — {_h(r.scenario_id)}</h1>"]
    parts.append(
        f"<p class='meta'>Apprenant : {_h(r.apprenant or '—')} · graine {r.graine} · {_h(r.debut)} · fin : {_h(r.resultat or 'interrompu')}<br>Entente : {_h(_entente(r))} · capacité réelle : {r.capacite_reelle:.2f} {_h(r.devise)}/mois · dû : {r.montant_du:.2f} {_h(r.devise)}</p>"
    )
    parts.append("<div class='notes'>")
    parts.append(
        f"<div class='carte'>Note globale<b>{_note(r.note_globale)}</b><div class='barre'><i style='width:{r.note_globale:.0f}%'></i></div></div>"
    )
    for a in AXES:
        n = r.axes[a].note
        revue = (
            f"<br><small>revue : {_note(r.notes_revisees[a])}</small>"
            if a in r.notes_revisees
            else ""
        )
        largeur = 0 if n is None else n
        parts.append(
            f"<div class='carte'>{NOMS_AXES[a]}<b>{_note(n)}</b><div class='barre'><i style='width:{largeur:.0f}%'></i></div>{revue}</div>"
        )
    parts.append("</div>")
    for a in AXES:
        axe = r.axes[a]
        if not axe.preuves:
            continue
        parts.append(
            f"<h2>{NOMS_AXES[a]} — {_note(axe.note)}</h2><table><tr><th>tour</th><th>constat</th><th>règle</th><th>référence</th><th>conseil</th></tr>"
        )
        for p in axe.preuves:
            classe = "pos" if p.sens == "positif" else "neg"
            tour = f"<a href='#t{p.tour}'>{p.tour}</a>" if p.tour else "—"
            parts.append(
                f"<tr class='{classe}'><td>{tour}</td><td>« {_h(p.citation)} »</td><td><code>{_h(p.regle)}</code></td><td>{_h(p.reference)}</td><td>{_h(p.conseil)}</td></tr>"
            )
        parts.append("</table>")
    try:
        t = lire_transcription(r.transcription)
    except TranscriptionIllisible:
        t = None
    if t is not None:
        par_tour: dict[int, list[Preuve]] = {}
        for a in AXES:
            for p in r.axes[a].preuves:
                if p.tour and p.sens == "negatif":
                    par_tour.setdefault(p.tour, []).append(p)
        annotations = {n.get("tour"): n for n in (r.revision or {}).get("annotations", [])}
        parts.append("<h2>Conversation annotée</h2>")
        parts.append(
            f"<div class='tour'><span class='qui deb'>Débiteur</span> : {_h(t.entete.get('ouverture', {}).get('texte', ''))}</div>"
        )
        for ev in t.tours:
            n = ev["tour"]
            fautes = par_tour.get(n, [])
            analyse = ev["analyse"]
            parts.append(
                f"<div class='tour{' faute' if fautes else ''}' id='t{n}'><span class='qui'>Tour {n} — Apprenant</span> : {_h(ev['apprenant'])}"
                f"<div class='ann'>acte {_h(analyse['acte'])} · langue {_h(analyse['langue'])} · {_h(ev['phase_avant'])} → {_h(ev['phase_apres'])}</div>"
            )
            for p in fautes:
                parts.append(
                    f"<div class='neg ann'>✘ {_h(p.regle)} ({_h(p.reference)}) — {_h(p.conseil)}</div>"
                )
            if n in annotations:
                parts.append(
                    f"<div class='ann'>✎ {_h(annotations[n].get('auteur'))} : {_h(annotations[n].get('texte'))}</div>"
                )
            parts.append(
                f"<div><span class='qui deb'>Débiteur</span> : {_h(ev['debiteur']['texte'])}</div></div>"
            )
    parts.append("</section>")
    return "".join(parts)


def en_html(rapports: Sequence[Rapport]) -> str:
    titre = "Évaluation" if len(rapports) == 1 else f"Évaluations ({len(rapports)} sessions)"
    corps = "<hr>".join(_html_rapport(r) for r in rapports)
    return f"<!doctype html><html lang='fr'><head><meta charset='utf-8'><meta name='viewport' content='width=device-width,initial-scale=1'><title>{titre}</title><style>{_CSS}</style></head><body>{corps}</body></html>\n"


def exporter(rapports: Sequence[Rapport], format: str) -> str:
    fonctions = {
        "texte": en_texte,
        "json": en_json,
        "markdown": en_markdown,
        "html": en_html,
        "csv": en_csv,
    }
    if format not in fonctions:
        raise ValueError(f"format inconnu « {format} » (formats : {', '.join(FORMATS)})")
    return fonctions[format](rapports)


def extension(format: str) -> str:
    return {"texte": "txt", "markdown": "md"}.get(format, format)


__all__ = ["FORMATS", "exporter", "extension"]
