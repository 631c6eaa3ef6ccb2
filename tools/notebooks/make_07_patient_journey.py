"""Write notebooks/07_patient_journey.ipynb (the patient's journey, for nurses)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nbwrite import write_notebook  # noqa: E402

CELLS = [
    ("md", """
# The patient's journey: TACE, SIRT and RFA

*Who it is for:* mainly **nurses** in training (ward, day unit and interventional radiology), and written so that **patients and carers** can read it too. Medical students will find the practical side of the treatments here.

*Time:* about 30 minutes.

**Learning objectives.** By the end you will be able to:
1. describe what happens before, on the day of, and after TACE, SIRT and RFA, and why each step matters;
2. recognise the warning signs after treatment and say who should be called, and how soon;
3. explain the radiation precautions after SIRT, using the dose a carer actually receives;
4. give a patient a printable checklist, the questions they might ask, and where to get help.

**Words used here.** *TACE* (transarterial chemoembolisation): a catheter in the liver's artery releases particles, usually with a cancer drug, that block the tumour's blood supply. *SIRT* (selective internal radiation therapy): the particles are tiny radioactive yttrium-90 beads. *RFA* (radiofrequency ablation): a needle heats the tumour until its cells die. *Carcinoid crisis*: a sudden release of hormones from a neuroendocrine tumour (NET), with flushing, wheeze and very low or very high blood pressure. *Post-embolisation syndrome*: the fever, pain and nausea that often follow embolisation. Every term is also in the glossary on the start page.
"""),
    ("code", """
from IPython.display import display
from netteach.widgets import journey, quiz
"""),
    ("md", """
## 1. Before, on the day and afterwards

Choose a treatment and a stage. Every point shows its source in brackets. Points marked *(follow local protocol)* are standard practice that our sources did not state in so many words, and hospitals differ: your local policy always comes first.

**Predict, then check:** before you look, which of the three treatments do you expect to need the **fewest** hours lying flat afterwards, and why? Then compare TACE or SIRT through the groin with the wrist, and with RFA.
"""),
    ("code", "display(journey.build_journey_panel())"),
    ("md", """
## 2. Warning signs, and who to call

Most patients have some pain, fever and nausea for a few days after embolisation: this is expected. The table lists the signs that are **not** expected and need action, most urgent first.

**Predict, then check:** a patient phones 14 days after TACE with shivering attacks. Is that post-embolisation syndrome, or a warning sign? Decide, then find the row in the table.
"""),
    ("code", "display(journey.build_warning_signs_panel())"),
    ("md", """
## 3. Radiation safety after SIRT

After SIRT the yttrium-90 stays in the liver. Its radiation is mostly absorbed inside the body, and it fades by half every 64 hours, so a carer receives only a small dose. The panel uses dose rates measured from 30 patients to work out the dose to a carer at a given distance, for a number of hours a day and a number of days, and sets it beside the dose constraint and the doses measured in carers.

**Predict, then check:** a carer sits 0.5 m from the patient for 8 hours a day. Will doubling the number of days from 7 to 14 double their dose? Make your guess, then move the *Days counted from the treatment* slider. (Hint: think about the half-life.)
"""),
    ("code", "display(journey.build_radiation_safety_panel())"),
    ("md", """
## 4. Questions you might want to ask, and where to get help

Patients often think of their questions after they have gone home. Share this list before the procedure.
"""),
    ("code", "display(journey.build_questions_panel())"),
    ("md", """
## 5. Printable checklists

Each checklist gathers the points above for one treatment, with tick boxes, the warning signs, the questions, where to get help, space for contact numbers, and the sources. It is made here, in the page, as a printable web page (HTML) or a PDF.

**Predict, then check:** which sections do you expect to be the same in all three checklists, and which to differ? Download two and compare them.
"""),
    ("code", "display(journey.build_checklist_panel())"),
    ("md", """
## Quiz

The questions are written mainly for nurses; choose *Nurses* or *Everyone* to filter them.
"""),
    ("code", 'display(quiz.build_quiz_panel("07_patient_journey"))'),
    ("md", """
## Summary

- **Before:** blood tests (clotting, kidney function), scans, medicines (never stop blood thinners without advice), allergy to X-ray dye, fasting, a driver home, consent; octreotide for hormone-producing tumours and extended antibiotics after a Whipple operation.
- **On the day:** access through the groin or the wrist (most patients who tried both preferred the wrist), sedation with local anaesthetic, and monitoring for carcinoid crisis.
- **Afterwards:** observations of the puncture site and limb, expected post-embolisation symptoms for a few days, and clear advice on driving, lifting, temperature checks and bleeding.
- **Warning signs** such as fever above 38.6 °C for more than a day, pain not eased by painkillers, or rigors at 1 to 3 weeks need a call to the treating team; heavy bleeding or collapse needs 999.
- **After SIRT,** the dose to a carer is small (measured averages 0.03 to 0.06 mSv); simple precautions for 24 hours and 7 days keep it low.
- Hospitals differ: always follow local policy.

For teaching only, not for clinical decisions.

## References
"""),
    ("code", 'display(journey.build_references_panel())'),
]

if __name__ == "__main__":
    write_notebook(Path(__file__).resolve().parents[2] / "notebooks" / "07_patient_journey.ipynb", CELLS)
