"""Write notebooks/06_choosing_a_therapy.ipynb."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nbwrite import write_notebook  # noqa: E402

CELLS = [
    ("md", """
# Choosing a therapy: how far each treatment reaches, and the reasons for and against

*Who it is for:* second-year **medical students** (a tutor can project it in a seminar), and **nurses** and self-paced learners who have met TACE, SIRT and RFA in the earlier dashboards.

*Time:* about 30 minutes (20 minutes in a seminar).

**Learning objectives.** By the end you will be able to:
1. compare how far the effect of TACE, SIRT and RFA reaches, from micrometres to metres, and explain what that means for a tumour and for the people around a patient;
2. list, for a described patient, the published facts that count for and against each treatment, and name their sources;
3. reason through a case without being told the answer, and explain why the decision belongs to a multidisciplinary team (MDT).

**Words used here.** *TACE* (transarterial chemoembolisation): particles, often carrying a cancer drug such as doxorubicin, are released into the liver's artery to block the tumour's supply. *SIRT* (selective internal radiation therapy): the particles are radioactive yttrium-90 microspheres. *RFA* (radiofrequency ablation): a needle heats the tumour until its cells die. *Normalised*: divided by its own value at the source, so every curve starts at 100%. *Multidisciplinary team*: the specialists who meet to agree, with the patient, what to offer. All terms are in the glossary on the start page.
"""),
    ("code", """
from IPython.display import display
from netteach.widgets import choosing, quiz
"""),
    ("md", """
## 1. How far does each treatment reach?

The four curves come from the models of the earlier dashboards, not from new physics here: the cancer drug seeping out of one bead ([TACE](03_tace.ipynb)), the beta radiation from one microsphere and the dose rate around a treated patient ([SIRT](04_sirt.ipynb)), and the heat spreading from a needle, with the zone it kills ([RFA](05_rfa.ipynb)). Each is divided by its value at the source, so all start at 100%, and the distance axis is logarithmic so that micrometres and metres fit on one chart. Switch each curve on and off, and read where it falls to 10%.

**Predict, then check:** before you look, put the four in order from the shortest reach to the longest, and guess how many times further the radiation around a patient reaches than the drug around a bead. Then tick the boxes one at a time.
"""),
    ("code", "display(choosing.build_reach_panel())"),
    ("md", """
What the reaches mean. The drug from a bead reaches only a fraction of a millimetre, so TACE depends on beads lodging throughout the tumour. The beta radiation from a microsphere reaches a few millimetres, so it spans the gaps between spheres but spares liver a centimetre away. RFA kills a zone a few centimetres across around the needle, which suits a few small tumours. The radiation reaching people around a patient falls steeply within a metre, which is why distance is the first radiation precaution after SIRT.
"""),
    ("md", """
## 2. The decision explorer

Describe a patient: the size and number of the tumours, where they lie, how well the liver works, disease outside the liver, a previous Whipple operation, hormone symptoms and the lung shunt measured before SIRT. For each treatment the explorer lists the published facts in favour, against, and to weigh up, each with its source. **It recommends nothing**: real decisions weigh things it cannot know, such as the patient's wishes, fitness and the local team's experience, and they belong to the multidisciplinary team with the patient. Impossible values are explained in plain words.

**Predict, then check:** start from the default patient and predict which list will change when you tick *A tumour lies next to a large blood vessel*. Then predict what happens to SIRT's list when you raise the lung shunt from 5% to 25%.
"""),
    ("code", "display(choosing.build_explorer_panel())"),
    ("md", """
## 3. Case scenarios

Five synthetic patients (not real people). Read each story, answer the questions yourself, then reveal the reasoning. Load the same patient into the explorer above with *Start from a case scenario* to see every factor with its source.

**Predict, then check:** for case 3, decide before revealing the answer whether the lung shunt matters for TACE at all.
"""),
    ("code", "display(choosing.build_cases_panel())"),
    ("md", """
## Quiz
"""),
    ("code", 'display(quiz.build_quiz_panel("06_choosing_a_therapy"))'),
    ("md", """
## Summary

- The treatments act over very different distances: drug around a bead, a fraction of a millimetre; beta radiation around a microsphere, millimetres; RFA, centimetres; the dose rate around a SIRT patient, about a metre.
- Each fact in the explorer has a source, and most come from single studies or from guidelines written for other cancers: read them as "one study found", not as fixed rules.
- RFA is favoured by a few small tumours away from large vessels and the bowel; treatments given into the artery reach many tumours at once; SIRT also depends on the lung shunt; a failing liver argues against all of them; a previous Whipple operation raises the risk of abscess.
- No treatment has been shown better than the others in NET liver metastases (consensus conference 2015). The choice belongs to the multidisciplinary team, with the patient.

For teaching only, not for clinical decisions.

## References
"""),
    ("code", "display(choosing.build_references_panel())"),
]

if __name__ == "__main__":
    write_notebook(Path(__file__).resolve().parents[2] / "notebooks" / "06_choosing_a_therapy.ipynb", CELLS)
