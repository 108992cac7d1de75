"""Fournisseurs Faker pour fr_CA : Faker n'y a ni téléphone ni entreprise québécois.

Sans eux, fr_CA retombe sur les formats américains (« 206.269.0743x9150 »,
« Lachapelle PLC »). Les numéros sont fictifs : 555-01xx est réservé à la fiction
en Amérique du Nord, sur de vrais indicatifs régionaux du Québec.
"""

from __future__ import annotations

from faker.providers import BaseProvider

INDICATIFS_QC = ("514", "438", "450", "579", "418", "581", "819", "873", "367")

FORMES_ENTREPRISE = ("inc.", "ltée", "enr.", "S.E.N.C.")
SECTEURS = (
    "Rénovations",
    "Transport",
    "Boulangerie",
    "Déneigement",
    "Traiteur",
    "Imprimerie",
    "Paysagement",
    "Plomberie",
    "Quincaillerie",
    "Érablière",
    "Garage",
    "Dépanneur",
)
EMPLOYEURS_QC = (
    "Centre de services scolaire des Mille-Îles",
    "CIUSSS du Centre-Sud",
    "Entrepôts Laurentides",
    "Coopérative agricole du Richelieu",
    "Alimentation Beauport",
    "Usinage Saint-Laurent",
    "Hôtel Le Riverain",
    "Transports Boréal",
)


class TelephoneQuebec(BaseProvider):
    def phone_number(self) -> str:
        indicatif = self.random_element(INDICATIFS_QC)
        return f"{indicatif} 555-01{self.random_int(0, 99):02d}"

    def cellphone_number(self) -> str:
        return self.phone_number()


class EntrepriseQuebec(BaseProvider):
    def company(self) -> str:
        nom = self.generator.last_name()
        secteur = self.random_element(SECTEURS)
        forme = self.random_element(FORMES_ENTREPRISE)
        return f"{secteur} {nom} {forme}"

    def employeur(self) -> str:
        return self.random_element(EMPLOYEURS_QC)


class TelephoneFictifNordAmericain(BaseProvider):
    """en_CA a des formats canadiens réels : on impose aussi 555-01xx, fictif."""

    def phone_number(self) -> str:
        indicatif = self.random_element(("416", "613", "514", "604", "403", "902"))
        return f"{indicatif}-555-01{self.random_int(0, 99):02d}"
