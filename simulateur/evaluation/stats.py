"""Statistiques sur de nombreuses sessions (l'« étude statistique » du CQP)."""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from simulateur.evaluation.rapport import AXES, Rapport


def montant_recouvre(r: Rapport) -> float:
    """Ce que l'entente prévoit de recouvrer : le solde si échéancier, le versement si unique."""
    if not r.entente or r.montant_du is None:
        return 0.0
    if r.entente["frequence"] == "unique":
        return min(float(r.entente["montant"]), r.montant_du)
    return r.montant_du


@dataclass
class Agregat:
    sessions: int = 0
    ententes: int = 0
    ententes_non_sinceres: int = 0
    du: float = 0.0
    recouvre: float = 0.0
    sommes_axes: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    comptes_axes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    globale: float = 0.0
    infractions: Counter[str] = field(default_factory=Counter)

    def ajouter(self, r: Rapport) -> None:
        self.sessions += 1
        if r.entente:
            self.ententes += 1
            self.ententes_non_sinceres += r.entente.get("sincere") is False
        self.du += r.montant_du or 0.0
        self.recouvre += montant_recouvre(r)
        for a in AXES:
            n = r.note(a)
            if n is not None:
                self.sommes_axes[a] += n
                self.comptes_axes[a] += 1
        self.globale += (
            r.note_globale_revisee if r.note_globale_revisee is not None else r.note_globale
        )
        for p in r.axes["conformite"].preuves:
            if p.sens == "negatif" and p.infraction != "bonne_pratique":
                self.infractions[p.regle] += 1

    def vers_dict(self) -> dict[str, Any]:
        n = self.sessions or 1
        return {
            "sessions": self.sessions,
            "taux_entente": round(self.ententes / n, 3),
            "ententes_non_sinceres": self.ententes_non_sinceres,
            "montant_du": round(self.du, 2),
            "montant_recouvre": round(self.recouvre, 2),
            "taux_recouvrement": round(self.recouvre / self.du, 3) if self.du else 0.0,
            "note_globale_moyenne": round(self.globale / n, 1),
            "notes_moyennes": {
                a: round(self.sommes_axes[a] / self.comptes_axes[a], 1)
                if self.comptes_axes[a]
                else None
                for a in AXES
            },
            "infractions_frequentes": self.infractions.most_common(5),
        }


def statistiques(rapports: Sequence[Rapport]) -> dict[str, Any]:
    global_ = Agregat()
    par_scenario: dict[str, Agregat] = defaultdict(Agregat)
    par_apprenant: dict[str, Agregat] = defaultdict(Agregat)
    parcours: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)
    for r in rapports:
        global_.ajouter(r)
        par_scenario[r.scenario_id].ajouter(r)
        qui = r.apprenant or "(anonyme)"
        par_apprenant[qui].ajouter(r)
        note = r.note_globale_revisee if r.note_globale_revisee is not None else r.note_globale
        parcours[(qui, r.scenario_id)].append((r.debut, note))
    progression = []
    for (qui, scenario), essais in sorted(parcours.items()):
        essais.sort()
        notes = [n for _, n in essais]
        progression.append(
            {
                "apprenant": qui,
                "scenario": scenario,
                "essais": len(notes),
                "premiere": notes[0],
                "meilleure": max(notes),
                "derniere": notes[-1],
                "progres": round(max(notes) - notes[0], 1),
            }
        )
    return {
        "ensemble": global_.vers_dict(),
        "par_scenario": {k: v.vers_dict() for k, v in sorted(par_scenario.items())},
        "par_apprenant": {k: v.vers_dict() for k, v in sorted(par_apprenant.items())},
        "progression": progression,
    }


def stats_texte(s: dict[str, Any]) -> str:
    def bloc(titre: str, d: dict[str, Any]) -> list[str]:
        notes = " · ".join(f"{a} {'—' if v is None else v}" for a, v in d["notes_moyennes"].items())
        infr = ", ".join(f"{r} ({n})" for r, n in d["infractions_frequentes"]) or "aucune"
        return [
            f"{titre} : {d['sessions']} session(s), ententes {d['taux_entente']:.0%}, "
            f"recouvré {d['montant_recouvre']:.2f} / {d['montant_du']:.2f} ({d['taux_recouvrement']:.0%}), "
            f"note moyenne {d['note_globale_moyenne']}",
            f"  axes : {notes}",
            f"  infractions fréquentes : {infr}",
        ]

    lignes = bloc("Ensemble", s["ensemble"])
    for nom, d in s["par_scenario"].items():
        lignes += bloc(f"Scénario {nom}", d)
    for nom, d in s["par_apprenant"].items():
        lignes += bloc(f"Apprenant {nom}", d)
    lignes.append("Progression (première → meilleure note) :")
    for p in s["progression"]:
        lignes.append(
            f"  {p['apprenant']} · {p['scenario']} : {p['essais']} essai(s), "
            f"{p['premiere']} → {p['meilleure']} (dernière {p['derniere']})"
        )
    return "\n".join(lignes) + "\n"


def _barres(titre: str, valeurs: list[tuple[str, float]], maximum: float = 100.0) -> str:
    """Graphique en barres SVG autonome (aucune bibliothèque, aucun réseau)."""
    hauteur = 26 * len(valeurs) + 30
    barres = []
    for i, (nom, v) in enumerate(valeurs):
        y = 28 + i * 26
        largeur = 0 if maximum <= 0 else 360 * max(0.0, v) / maximum
        barres.append(
            f"<text x='0' y='{y + 14}' font-size='12'>{html.escape(nom)}</text>"
            f"<rect x='190' y='{y}' width='{largeur:.1f}' height='18' fill='#2f81f7' rx='3'/>"
            f"<text x='{195 + largeur:.1f}' y='{y + 14}' font-size='12'>{v:g}</text>"
        )
    return (
        f"<figure><svg xmlns='http://www.w3.org/2000/svg' width='600' height='{hauteur}' role='img' "
        f"aria-label='{html.escape(titre)}'><text x='0' y='16' font-weight='bold' font-size='13'>"
        f"{html.escape(titre)}</text>{''.join(barres)}</svg></figure>"
    )


def stats_html(s: dict[str, Any]) -> str:
    e = s["ensemble"]
    parts = [
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Statistiques</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem}"
        "@page{size:A4;margin:15mm}</style></head><body>",
        f"<h1>Statistiques — {e['sessions']} sessions</h1>",
        f"<p>Ententes : {e['taux_entente']:.0%} · recouvré {e['montant_recouvre']:.2f} sur "
        f"{e['montant_du']:.2f} ({e['taux_recouvrement']:.0%}) · note moyenne {e['note_globale_moyenne']}</p>",
        _barres(
            "Note moyenne par axe",
            [(a, v) for a, v in e["notes_moyennes"].items() if v is not None],
        ),
        _barres(
            "Taux d'entente par scénario (%)",
            [(k, round(100 * d["taux_entente"], 1)) for k, d in s["par_scenario"].items()],
        ),
        _barres(
            "Note moyenne par apprenant",
            [(k, d["note_globale_moyenne"]) for k, d in s["par_apprenant"].items()],
        ),
    ]
    infr = e["infractions_frequentes"]
    if infr:
        parts.append(
            _barres(
                "Infractions les plus fréquentes",
                [(r, n) for r, n in infr],
                max(n for _, n in infr),
            )
        )
    parts.append(
        "<h2>Progression</h2><table><tr><th>apprenant</th><th>scénario</th><th>essais</th><th>première</th><th>meilleure</th><th>dernière</th></tr>"
    )
    for p in s["progression"]:
        parts.append(
            f"<tr><td>{html.escape(p['apprenant'])}</td><td>{html.escape(p['scenario'])}</td><td>{p['essais']}</td>"
            f"<td>{p['premiere']}</td><td>{p['meilleure']}</td><td>{p['derniere']}</td></tr>"
        )
    parts.append("</table></body></html>\n")
    return "".join(parts)


def exporter_stats(s: dict[str, Any], format: str) -> str:
    if format == "json":
        return json.dumps(s, ensure_ascii=False, indent=2) + "\n"
    if format == "html":
        return stats_html(s)
    return stats_texte(s)
