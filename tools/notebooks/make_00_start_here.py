"""Write notebooks/00_start_here.ipynb (the landing dashboard)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nbwrite import write_notebook  # noqa: E402

CELLS = [
    ("md", """
# Liver-directed therapy for neuroendocrine tumour liver metastases

**An interactive course on embolisation (TACE), radioembolisation (SIRT) and radiofrequency ablation (RFA).**

*Who it is for:* second-year medical students in seminars, nurses in training sessions, and anyone learning on their own.
*Time:* about 15 minutes on this page; each dashboard takes 25 to 45 minutes.

On this page you will: meet the three treatments, choose a learning path, and find the glossary.
"""),
    ("code", """
from IPython.display import display
from netteach.widgets import controls, glossary, references, start
"""),
    ("code", "display(controls.disclaimer())"),
    ("md", """
## What are NETs, and why treat the liver?

**Neuroendocrine tumours (NETs)** grow from neuroendocrine cells, which behave partly like nerve cells and partly like hormone-making gland cells. They arise most often in the small bowel, the pancreas and the lungs. Many grow slowly, and some release hormones such as serotonin. When a NET spreads, it usually spreads to the **liver**: in a large US cancer-registry study, 77% of people with metastatic neuroendocrine neoplasms had liver metastases (Trikalinos 2020). Liver deposits cause most of the symptoms, including the flushing and diarrhoea of *carcinoid syndrome*, and they often decide how long a person lives.

**Liver-directed therapies** treat the tumours in the liver without major surgery. In *embolisation* and *chemoembolisation (TACE)*, a catheter in the liver's artery releases particles, with or without a cancer drug, that block the tumour's blood supply. In *selective internal radiation therapy (SIRT)*, the particles are tiny radioactive yttrium-90 microspheres that irradiate the tumour from inside. In *radiofrequency ablation (RFA)*, a needle heats a tumour until its cells die. An expert consensus conference found moderate-quality evidence for embolisation, chemoembolisation and radioembolisation in NETs, but none could be shown better than the others (NET-Liver-Metastases Consensus Conference 2015); European guidance says that embolisation, chemoembolisation or SIRT control the symptoms of carcinoid syndrome in up to 75% of cases (ENETS 2022, as quoted by NICE). The choice is made for each patient by a multidisciplinary team.
"""),
    ("code", "display(start.build_overview_panel())"),
    ("md", """
## Choose your path

Each path lists its dashboards in order, with the time each takes. Click a title to open it. A dashboard marked *coming* is still being written.
"""),
    ("code", "display(start.build_paths_panel())"),
    ("md", """
## How the dashboards work

- **Predict, then check.** Before you move a slider, say (or write down) what you expect to happen. Then move it and compare. Being surprised is how the idea sticks.
- **Sliders and boxes** change the model; the pictures update. If a value is impossible, a message explains why instead.
- **Quizzes** at the end of each dashboard explain every answer, right or wrong, and you can try again.
- The numbers come from published sources, listed at the end of each dashboard. Where sources disagree, the dashboard says so.
"""),
    ("code", "display(glossary.build_glossary_panel())"),
    ("md", """
## Summary

- NETs often spread to the liver, and liver metastases drive symptoms and survival.
- Embolisation, chemoembolisation, SIRT and ablation treat the liver directly; none has been shown best for every patient.
- Pick a path above; every dashboard ends with a quiz.

## References
"""),
    ("code", 'display(references.build_references_panel("course"))'),
]

if __name__ == "__main__":
    out = Path(__file__).resolve().parents[2] / "notebooks" / "00_start_here.ipynb"
    write_notebook(out, CELLS)
    print("wrote", out)
