"""The TACE family as data: bland embolisation, conventional TACE and DEB-TACE (private).

Public names are re-exported by :mod:`netteach.models.tace`. Every statement carries the
reference keys it comes from (``netteach/data/references/tace.toml``). Statements our fact base
could not verify say so in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..validation import check_choice

__all__ = ["Technique", "TACE_FAMILY", "technique", "COMPARISON_ROWS", "comparison_table"]


@dataclass(frozen=True)
class Technique:
    """One member of the transarterial embolisation family.

    Each text field is plain UK English for a second-year student or a ward nurse; ``refs``
    lists the reference keys behind the fields.
    """

    id: str
    name: str
    short: str
    what: str
    how_it_kills: str
    net_use: str
    evidence: str
    specific_risks: str
    refs: tuple


TACE_FAMILY = MappingProxyType({
    "tae": Technique(
        id="tae", name="Bland embolisation (TAE)", short="TAE",
        what=("Particles alone (polyvinyl alcohol particles or microspheres) are injected into "
              "the tumour's arteries to block them. No drug is given."),
        how_it_kills=("Ischaemia only: the tumour loses the arterial blood it depends on, while "
                      "the normal liver lives on through the portal vein."),
        net_use=("Reduces tumour size and hormone output in NETs without cytotoxic drugs. ENETS "
                 "2022 prefers bland embolisation for carcinoid syndrome from a grade 1 "
                 "intestinal NET."),
        evidence=("Strosberg 2006: 84 patients, 161 bland embolisations; symptoms improved in "
                  "44 of 55 (80%), median survival 36 months from the first embolisation, no "
                  "treatment deaths. The NET liver-metastases consensus (2015) found no "
                  "embolisation method proven better than another."),
        specific_risks=("Post-embolisation syndrome; non-target embolisation; liver abscess, "
                        "especially after a Whipple operation; carcinoid crisis in functioning "
                        "tumours."),
        refs=("tace_del_prete_2014", "tace_strosberg_2006", "course_enets_2022_via_nice",
              "course_netlm_consensus_2015")),
    "ctace": Technique(
        id="ctace", name="Conventional TACE (cTACE)", short="cTACE",
        what=("Chemotherapy (usually doxorubicin) mixed into an oily emulsion with ethiodised "
              "oil (Lipiodol), injected into the tumour's arteries and followed by particles "
              "that block them. Exact recipes for NETs vary between centres (not verified)."),
        how_it_kills=("Ischaemia plus a high local dose of drug trapped in the tumour by the "
                      "oil and the particles."),
        net_use=("ENETS 2022: TACE (or SIRT) may be kept for grade 2 intestinal or "
                 "non-intestinal NETs. The RETNET trial compares bland embolisation with "
                 "cTACE."),
        evidence=("One series of 122 patients with carcinoid tumours: tumours shrank in 82%, "
                  "symptoms improved in 92% for a median of 13 months, median survival 33.3 "
                  "months; complications 23%, deaths around the procedure 5%. A staged, one "
                  "lobe at a time approach was recommended. No method has been shown to be "
                  "better than the others (consensus 2015)."),
        specific_risks=("As for bland embolisation, plus chemotherapy side effects. More drug "
                        "reaches the blood than with beads: in rabbits, peak plasma doxorubicin "
                        "at 5 min was 225.9 ng/mL with Lipiodol against 39.9 ng/mL with beads."),
        refs=("chen_retnet_2018", "course_enets_2022_via_nice", "journey_bloomston_2007",
              "course_netlm_consensus_2015", "tace_zhang_2017_drug_deliv")),
    "deb": Technique(
        id="deb", name="Drug-eluting bead TACE (DEB-TACE)", short="DEB-TACE",
        what=("Calibrated beads that carry doxorubicin bound by ion exchange (for example DC "
              "Bead, 100–300 or 300–500 µm) block the arteries and release the drug slowly "
              "where they lodge. Introduced for liver cancer (HCC) in 2006."),
        how_it_kills=("Ischaemia plus slow local drug release: most of the drug stays within "
                      "about 0.2 mm of each bead."),
        net_use=("Used in some centres for NETs (Gaur 2011: 18 patients, 50–100 mg "
                 "doxorubicin), but the non-cirrhotic NET liver showed a high rate of bile-duct "
                 "injury: Guiu and colleagues advise caution with drug-eluting beads in a "
                 "liver without cirrhosis."),
        evidence=("Gaur 2011: objective response after 58% of procedures at under 3 months, 2 "
                  "major biliary injuries. Bhagat (phase II): response 78% by EASL but bilomas "
                  "in 7 of 13 patients (54%) and the trial was interrupted. Bonne 2017 (50–100 "
                  "µm HepaSphere, 17 patients): symptoms fully relieved in 67%, ischaemic "
                  "cholecystitis in 1 (6%)."),
        specific_risks=("Biliary injury and biloma in the non-cirrhotic NET liver: Guiu found "
                        "DEB-TACE raised the odds of any liver or bile-duct injury 6.6-fold, "
                        "and biloma or liver infarct was linked to both beads (odds ratio 9.8) "
                        "and NETs (8.1). A cirrhotic liver has an enlarged network of small "
                        "arteries around the bile ducts (peribiliary plexus) that is thought to "
                        "protect them; the normal liver of most NET patients does not. Liver "
                        "abscess can follow a biloma."),
        refs=("journey_nouri_2019", "tace_gaur_2011", "tace_bhagat_2013", "bonne_2017",
              "tace_guiu_2012", "tace_zhang_2017_drug_deliv")),
})
"""The three techniques by id: ``'tae'``, ``'ctace'``, ``'deb'``."""


def technique(technique_id):
    """Return one :class:`Technique` by id (``'tae'``, ``'ctace'`` or ``'deb'``).

    Raises
    ------
    ValueError
        For an unknown id; the message lists the valid ids.
    """
    check_choice("technique_id", technique_id, TACE_FAMILY)
    return TACE_FAMILY[technique_id]


#: Rows of the comparison table: (row label, Technique attribute).
COMPARISON_ROWS = (
    ("What it is", "what"),
    ("How it works", "how_it_kills"),
    ("Use in NETs", "net_use"),
    ("Evidence in NETs", "evidence"),
    ("Specific risks", "specific_risks"),
)


def comparison_table():
    """Return the comparison as ``(header, rows)``: column names and lists of cell texts."""
    header = ["", *(t.name for t in TACE_FAMILY.values())]
    rows = [[label, *(getattr(t, attr) for t in TACE_FAMILY.values())]
            for label, attr in COMPARISON_ROWS]
    return header, rows
