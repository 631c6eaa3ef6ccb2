"""Write notebooks/01_nets_and_the_liver.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nbwrite import write_notebook  # noqa: E402

CELLS = [
    ("md", """
# NETs and the liver: why arterial therapies reach the tumour

*Who it is for:* second-year medical students, nurses in training and self-paced learners. No prior knowledge of NETs is needed.
*Time:* about 30 minutes.

**Learning objectives.** By the end you will be able to:

1. say what a neuroendocrine tumour (NET) is and grade one from its Ki-67 index and mitotic count (WHO 2019/2022);
2. say how often NETs spread to the liver, and explain why liver metastases cause carcinoid syndrome;
3. describe the liver's two blood supplies, for blood flow and for oxygen, and how the sources disagree;
4. explain why a liver metastasis depends on the hepatic artery, and why blocking that artery spares the normal liver;
5. work out how much more of an agent injected into the hepatic artery lands in a tumour than in normal liver;
6. place liver-directed therapy beside surgery, somatostatin analogues and PRRT.
"""),
    ("code", """
from IPython.display import display
from netteach.widgets import liver, quiz, references
"""),
    ("md", """
## 1. What NETs are, how they are graded, and how often they reach the liver

**Neuroendocrine tumours (NETs)** grow from neuroendocrine cells: cells spread through the gut (the enterochromaffin or Kulchitsky cells), the islets of the pancreas and the airways, which release hormones into the blood. The old word *carcinoid* is now kept for the *syndrome* that metastatic NETs of the small bowel cause (Cheung & Khan 2015). NETs are becoming more common, partly because more are found: in the USA, the yearly number of new gastrointestinal cases rose from 0.51 to 6.20 per 100,000 people between 1973 and 2015 (Zheng 2019). They are now the second most common cancer of the gut after colon cancer, counted by the number of people living with one (RETNET protocol).

**Grade** says how fast a well-differentiated NET is likely to grow. The pathologist measures two things:

- the **Ki-67 index**: the percentage of tumour cells stained by the Ki-67 antibody, which marks dividing cells (counted on at least 500 cells in the busiest areas);
- the **mitotic count**: cells caught dividing, counted over 10 mm² and given per 2 mm².

| Grade (WHO 2019, unchanged in 2022) | Ki-67 index | Mitoses per 2 mm² |
|---|---|---|
| NET G1 (low) | below 3% | fewer than 2 |
| NET G2 (intermediate) | 3-20% | 2-20 |
| NET G3 (high) | above 20% | more than 20 |

The **higher** of the two decides the grade. A poorly differentiated *neuroendocrine carcinoma* (NEC) is recognised by how its cells look, not by these numbers. Older reports may use WHO 2010, where G1 was Ki-67 of 2% or less.

**Predict, then check:** a tumour has a Ki-67 index of 2%, which alone would make it G1, and 25 mitoses per 2 mm². Predict its grade, then set the two sliders below and see.
"""),
    ("code", "display(liver.build_grading_panel())"),
    ("md", """
**How often NETs reach the liver.** The liver is where NETs spread most. Different studies count different groups, so the numbers differ:

| Group studied | With liver metastases | Source |
|---|---|---|
| All people with neuroendocrine neoplasms | 46-93% | Del Prete 2014 |
| Metastatic neuroendocrine neoplasms, US registry | 77% | Trikalinos 2020 |
| Metastatic NETs, Swedish registers (7334 people) | 82% | Riihimäki 2016 |
| Stage IV gastrointestinal NENs (1459 of 2003) | 72.8% | Zheng 2019 |
| Metastatic gastroenteropancreatic NENs | about 80%, liver-only in about half | Cazzato 2021 |

Even at diagnosis, 21% of G1 and 30% of G2 NETs have already spread to distant organs (HEPAR PLUS protocol). Liver metastases largely decide symptoms and survival: one review estimates a 5-year survival of 20-40% with liver metastases (Criss & Makary 2024), while series of patients treated by embolisation report more than 60%, partly because those patients were selected for treatment.
"""),
    ("md", """
## 2. The liver's two blood supplies

The liver is unusual: it has **two** inflows. The **portal vein** brings blood that has already passed through the gut, spleen and pancreas; the **hepatic artery** brings fresh, oxygen-rich blood from the aorta. Together they carry about 1.5 litres a minute, 20-30% of everything the heart pumps (ASA Anesthesia Toolbox).

| Normal liver | Share of blood flow | Share of oxygen |
|---|---|---|
| Portal vein | about 75% (sources give 70%, 75% or 80%) | 50-55% |
| Hepatic artery | about 25% (20-30%) | 45-50% |

A **liver metastasis** is different. In a classic study of colorectal metastases, blood flow through the tumours fell to about **5%** of its value when the hepatic artery was blocked: about 95% of their blood was arterial (Taylor 1978). For hypervascular metastases such as those of NETs, an arterial share of 90-95% or more is the usual teaching figure. The rim of many metastases also gets some portal blood (Haugeberg 1988).

**Why liver metastases cause carcinoid syndrome.** A NET in the small bowel releases serotonin and other substances into portal blood, and the liver breaks most of them down on their first pass. Liver metastases release them into the hepatic veins, which go straight to the heart and the rest of the body (Lewis & Hubbard 2011). The result is **carcinoid syndrome**: flushing, diarrhoea, wheezing (bronchospasm), a fast heart rate and tummy cramps. A patient-information source puts it at about 1 in 10 people with gastroenteropancreatic NETs. Over years it can scar the heart valves (carcinoid heart disease) and the tissues around the bowel (mesenteric fibrosis).

**Predict, then check:** if the hepatic artery is blocked, as in embolisation, how much of its blood supply will a metastasis keep, and how much will the normal liver keep? Write down your guesses, then tick "Block the hepatic artery". Also move the slider across the 70-80% that different sources give: does the story change?
"""),
    ("code", "display(liver.build_supply_panel())"),
    ("md", """
The portal vein cannot increase its flow to make up for a blocked artery (the reverse works: a rise in arterial flow can buffer 25-60% of a fall in portal flow). The normal liver survives embolisation because most of its blood already comes from the portal vein, while the tumour, cut off from its arterial feeders, is starved (RETNET protocol, Chen 2018).
"""),
    ("md", """
## 3. Why arterial therapies find the tumour

Every arterial therapy uses the same idea. An agent injected into the hepatic artery, whether particles that block it (embolisation), drug-loaded beads (TACE) or radioactive microspheres (SIRT), is carried by arterial blood. If each particle is trapped in the first small vessels it meets, each gram of tissue receives agent **in proportion to the arterial blood it receives**:

*tumour-to-normal uptake ratio = arterial flow per gram of tumour ÷ arterial flow per gram of normal liver*

Even if a tumour and normal liver received the same total blood per gram, the tumour's blood is about 95% arterial and the liver's about 25%, so the tumour would get 95 ÷ 25 = 3.8 times as much agent per gram. A hypervascular NET metastasis, with more blood per gram, gets more still.

SIRT planning uses exactly this idea: its **tumour-to-normal ratio (T/N)** is measured on a scan before treatment and sets how the radiation dose splits between tumour and liver. See [the SIRT dashboard](04_sirt.ipynb).

**Predict, then check:** what happens to the ratio if the tumour's blood flow doubles? And if the tumour is a larger share of the liver, does it take a larger or a smaller share of the agent? Predict, then move the sliders.
"""),
    ("code", "display(liver.build_uptake_panel())"),
    ("md", """
### Where liver-directed therapy fits

- **Surgery** is the treatment of choice when it is feasible: for G1 or G2 tumours, a fit patient, no disease outside the liver, enough liver left behind and when more than 90% of the metastases can be removed. That is possible in only a small share of patients (Gupta 2013). Ablation during surgery can extend who qualifies; transplantation is for very few.
- **Somatostatin analogues** (octreotide, lanreotide) control hormone symptoms and slow growth. In the PROMID trial, octreotide cut the risk of progression (hazard ratio 0.34); in the CLARINET extension, the median time without progression on lanreotide was 38.5 months. Gallstones are their main side effect.
- **PRRT** (¹⁷⁷Lu-DOTATATE, 7.4 GBq four times, 8 weeks apart) targets tumours carrying somatostatin receptors. In NETTER-1, median progression-free survival on high-dose octreotide alone was 8.4 months and was not reached with PRRT (hazard ratio 0.21); tumours shrank in 18% against 3%. In NETTER-2 (first-line, G2/G3) it was 22.8 against 8.5 months.
- **Liver-directed therapy** (embolisation, TACE, SIRT, ablation) is used for unresectable, liver-dominant disease that is growing or causing symptoms, and to control hormone symptoms when somatostatin analogues are not enough. It can come before systemic drugs when disease is mainly in the liver.

The choice is made for each patient by a multidisciplinary team, with the patient. The next dashboard, [the hepatic arteries](02_hepatic_arteries.ipynb), shows how the catheter reaches the tumour's arteries, and what else it can reach.
"""),
    ("md", "## Check your understanding\n\nEach answer explains why it is right or wrong. You can try each question again."),
    ("code", 'display(quiz.build_quiz_panel("01_nets_and_the_liver"))'),
    ("md", """
## Summary

- NETs grow from hormone-making cells. WHO grades them G1 (Ki-67 below 3% and fewer than 2 mitoses per 2 mm²), G2 (3-20%, or 2-20 mitoses) or G3 (above 20); the higher index decides.
- NETs spread to the liver in most people whose disease has spread (77-82% in registries). Liver metastases release serotonin straight into the circulation, which causes carcinoid syndrome.
- Normal liver gets about 75% of its blood (70-80% by source) but only half of its oxygen from the portal vein. A metastasis gets about 95% of its blood from the hepatic artery.
- So an agent injected into the hepatic artery lands, per gram, several times more in the tumour than in normal liver, and blocking the artery starves the tumour while the liver lives on portal blood. SIRT's T/N ratio rests on the same idea.
- Liver-directed therapy sits beside surgery, somatostatin analogues and PRRT; the team chooses with the patient.

*For teaching only, not for clinical decisions.*

## References
"""),
    ("code", 'display(references.build_references_panel("liver", "nets"))'),
]

if __name__ == "__main__":
    write_notebook(Path(__file__).resolve().parents[2] / "notebooks" / "01_nets_and_the_liver.ipynb", CELLS)
