"""Write notebooks/04_sirt.ipynb (the SIRT dashboard). Run from the repository root."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from nbwrite import write_notebook  # noqa: E402

CELLS = [
    ("md", """
# SIRT: treating liver tumours with radioactive microspheres

**Selective internal radiation therapy (SIRT)**, also called radioembolisation, puts millions of tiny radioactive beads (*microspheres*) carrying **yttrium-90 (Y-90)** into the liver's arteries. They lodge in the tumours' small vessels and irradiate the tumours from inside.

*Who it is for:* second-year medical students (physics, dosimetry and planning) and nurses in training (the patient's journey, side effects, warning signs and radiation safety). Questions in the quiz are marked for students, nurses or everyone.
*Time:* about 45 minutes.

### Learning objectives
By the end you should be able to:
1. explain how microspheres reach a tumour and why the tumour gets more of them than normal liver;
2. describe how yttrium-90 decays and when its dose is delivered;
3. describe how far its radiation reaches, and why resin and glass spheres give different dose patterns;
4. outline the work-up: mapping angiography, the Tc-99m MAA scan, the lung shunt fraction and coiling;
5. compare three ways of choosing the activity (BSA, single compartment, partition model) and recognise unsafe doses;
6. give carers correct radiation-safety advice and recognise warning signs after SIRT.

*For teaching only, not for clinical decisions.*
"""),
    ("code", """
from IPython.display import display
from netteach.widgets import quiz, references, sirt
"""),
    ("md", """
## 1. How SIRT works

Most of a liver's blood comes from the portal vein, but liver tumours, including neuroendocrine tumour (NET) metastases, take their blood mainly from the **hepatic artery** (see [the blood-supply dashboard](01_nets_and_the_liver.ipynb)). So when an interventional radiologist injects microspheres through a catheter in the hepatic artery, the arterial blood carries them preferentially into the tumours, where they stick in the small vessels. The same idea is measured before treatment as the **tumour-to-normal ratio (T/N)**: how many times more particles per gram the tumour takes up than normal liver.

Two kinds of sphere are used: **resin** (SIR-Spheres) and **glass** (TheraSphere). Both carry yttrium-90; they differ in size, weight and above all in how much activity each sphere carries.

**Predict, then check:** a glass sphere carries about 50 times more activity than a resin sphere. For the same total activity, will you need more or fewer glass spheres? Move the slider to check.
"""),
    ("code", "display(sirt.build_spheres_panel())"),
    ("md", """
## 2. Decay: when is the dose delivered?

Yttrium-90 gives off **beta particles** (fast electrons) and turns into stable zirconium-90. Its **half-life**, the time for half of it to decay, is 64.1 hours, about 2.7 days. The spheres stay in the liver for good, so the dose is delivered as the yttrium decays. Radioactivity is measured in **becquerels** (Bq: one atom decaying per second); a treatment is a few **gigabecquerels** (GBq, thousand million Bq). Absorbed dose is measured in **gray** (Gy: one joule per kilogram).

**Predict, then check:** after one half-life, half the activity is left. How much of the *dose* has been delivered by then, and by 11 days? Move the time slider.
"""),
    ("code", "display(sirt.build_decay_panel())"),
    ("md", """
## 3. Dose against distance from one microsphere

The beta particles of yttrium-90 travel at most about **11 mm** in soft tissue, and most of their energy is absorbed much closer. The curve of dose against distance from one tiny source is called a **dose-point kernel**. Adding up the kernels of all the spheres gives the dose everywhere.

**Predict, then check:** on the linear scale, does the dose look as though it stops at 2 mm, 4 mm or 11 mm? Now look at the log scale: does it really stop there? Move the marker to 4 mm and read off how much of the energy is absorbed closer in.
"""),
    ("code", "display(sirt.build_kernel_panel())"),
    ("md", """
Textbooks and guidelines quote slightly different numbers for the same quantities. This is normal, and it matters to know why.
"""),
    ("code", "display(sirt.build_disagreements_panel())"),
    ("md", """
## 4. A tumour seeded with microspheres: resin against glass

Here a round tumour holds a chosen activity, carried either by resin spheres (about 50 Bq each) or glass spheres (about 2500 Bq each). The spheres are scattered at random and the dose is worked out by adding up their kernels (a calculation called convolution). The lower graph is a line through the middle of the tumour.

**Predict, then check:** which gives more hot spots and cool gaps, resin or glass? How far outside the tumour edge does the dose fall to almost nothing? Change the tumour size and activity, and scatter the spheres again.
"""),
    ("code", "display(sirt.build_dose_map_panel())"),
    ("md", """
## 5. The work-up before treatment

SIRT is done in two steps. A few weeks before treatment, the patient has a **mapping angiography**: the interventional radiologist injects X-ray dye into the liver's arteries to map them (arteries vary a great deal between people, see [the arteries dashboard](02_hepatic_arteries.ipynb)). Arteries that would carry spheres to the stomach, bowel or gallbladder are found and, if needed, blocked with small metal coils (**coiling**), so that radiation cannot harm those organs.

In the same procedure, a tracer is injected where the spheres will go: albumin particles (MAA) labelled with **technetium-99m**, which a gamma camera can see. The **Tc-99m MAA scan** shows where particles lodge: how much the tumours take up compared with normal liver (T/N), and how much passes straight through the liver to the lungs (the **lung shunt fraction**). Cross-sectional imaging (CT, MRI or PET-CT) measures the tumour and liver volumes.

**Predict, then check:** if you double the lung counts on both images, does the lung shunt fraction double? Type new counts into the boxes. Then try a lung count large enough to exceed 20%.
"""),
    ("code", "display(sirt.build_lung_shunt_panel())"),
    ("md", """
## 6. The dosimetry calculators: one patient, three methods

There are three common ways to choose the activity:

- **Body-surface area (BSA) method** (resin): activity (GBq) = (BSA - 0.2) + tumour volume / (tumour + normal liver volume), then reduced by 20% or 40% if the lung shunt is above 10% or 15%; above 20%, do not treat.
- **Single compartment (MIRD)**: mean dose (Gy) = 49.67 x activity (GBq) x (1 - lung shunt fraction) / liver mass (kg). One average dose for the whole treated liver.
- **Partition model**: splits the activity between tumour, normal liver and lungs using the masses and T/N from the MAA scan, so each gets its own dose.

The panel works out each method's activity, then shows the doses that activity would give if the MAA scan predicted the spheres' distribution exactly. It warns when the lung dose exceeds 30 Gy, the lung shunt exceeds 20%, or the normal liver exceeds the EANM 2022 threshold for resin spheres (40 Gy).

**Predict, then check:** raise the tumour-to-normal ratio from 4 to 8. Which method's activity changes, and which stays the same? Then raise the lung shunt fraction past 20% and watch the warnings.
"""),
    ("code", "display(sirt.build_dosimetry_panel())"),
    ("md", """
## 7. Radiation safety after SIRT, for nurses and carers

The beta particles stay inside the patient's body; people nearby receive only a small dose from the X-rays (bremsstrahlung) that the betas make as they slow down. Dose rates measured from 30 patients (Cournane 2019) were, per GBq given: 29 µSv/h touching the upper abdomen, 4.1 µSv/h at 0.3 m and 0.59 µSv/h at 1 m. The panel interpolates between these distances, uses the **inverse-square law** beyond 1 m, and lets the activity decay.

**Predict, then check:** a carer sits 0.3 m from the patient instead of 1 m. By how much does the dose rate rise? Is it the factor of 11 the inverse-square law predicts? Then move the start of the contact to day 7.
"""),
    ("code", "display(sirt.build_safety_panel())"),
    ("md", """
## 8. What the patient experiences

**The day itself.** The treatment is a second angiography. Many patients go home the same day (about 4-6 hours later) or after one or two nights, depending on local rules, and most resume normal activity within 2-3 days.

**Post-embolisation symptoms.** Tiredness, nausea, vomiting, loss of appetite, fever and tummy pain occur in up to 55% of patients; they are usually mild and settle within two weeks. In one series of 36 NET patients, fatigue affected 86%, loss of appetite 72%, nausea 42%, abdominal pain 28% and fever 22%; radiation-induced ulcers of the stomach or bowel occurred in 5.6%.

**Radioembolisation-induced liver disease (REILD).** A rare (0-5.4%) but potentially fatal loss of liver function appearing **two weeks to four months** after treatment: jaundice, fluid in the abdomen (ascites), raised bilirubin and low albumin, without tumour growth or a blocked bile duct. Risk factors include previous liver treatments or chemotherapy, a high dose, treating the whole liver in one session, chemotherapy within 2 months after SIRT, a small liver (under 1.5 L) and raised bilirubin beforehand. Treatment is supportive.

**The evidence in NETs.** A meta-analysis of 12 studies (435 procedures, resin) found tumour shrinkage (objective response) in 50% and disease control in 86% (Devcic 2014). In a registry of 170 NET patients, 75%, 62% and 46% were alive at 1, 2 and 3 years (median 33 months). Because NET patients often live for years, long-term liver effects matter: after whole-liver treatment, 56% of patients followed for more than two years developed a cirrhosis-like liver on imaging, against 27% after treating one lobe (Su 2017).

**When SIRT is not suitable.** Patients should have reasonably preserved liver function, a life expectancy of at least 3 months and be up and about (performance status 0-2). SIRT is not given if too much would reach the lungs (lung shunt above 20% for resin, or a lung dose above 30 Gy), if spheres would reach the gut through arteries that cannot be blocked, if liver function is poor, or in pregnancy. A previous bile-duct-to-bowel join (for example after a Whipple operation) raises the risk of liver infection and abscess: a recognised risk factor rather than an absolute bar.

**Predict, then check:** on day 10, which precautions still apply, and which symptoms would you still expect? When does the window for REILD open? Move the day slider.
"""),
    ("code", "display(sirt.build_timeline_panel())"),
    ("md", """
## 9. Check your understanding

Each answer explains why it is right or wrong; you can try again.
"""),
    ("code", 'display(quiz.build_quiz_panel("04_sirt"))'),
    ("md", """
## Summary

- Microspheres follow the arterial blood into the tumours, which take their blood mainly from the hepatic artery.
- Yttrium-90's half-life is 64.1 h (some sources: 64.2 h); 94% of the dose is given within 11 days.
- Its betas reach at most about 11 mm; sources quote a "mean range" of 2.5 mm or 4 mm, which measure different things. The dose falls to almost nothing a few millimetres outside a treated tumour.
- For the same activity, many weak resin spheres give a more even dose than few hot glass spheres.
- The work-up maps the arteries, blocks branches to the gut, and measures T/N and the lung shunt with the MAA scan.
- BSA, single-compartment and partition-model planning can give very different activities and doses for the same patient; keep the lung below 30 Gy per treatment.
- 1 GBq per kg gives about 50 Gy (49.67 Gy in the planning formulas) if all the energy stays where the spheres are.
- Carers get small doses; simple precautions (hand-washing for 24 h, avoiding prolonged close contact with children and pregnant women for a week) keep them low.
- Watch for jaundice or a swelling abdomen from two weeks to four months after SIRT: possible REILD.

## References
"""),
    ("code", 'display(references.build_references_panel("sirt"))'),
]

if __name__ == "__main__":
    write_notebook(ROOT / "notebooks" / "04_sirt.ipynb", CELLS)
