"""Write notebooks/03_tace.ipynb (the TACE dashboard). Run from /work/main."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from nbwrite import write_notebook  # noqa: E402

CELLS = [
    ("md", """
# Transarterial (chemo)embolisation: starving a tumour through its artery

*Who it is for:* second-year medical students (seminar, with a tutor projecting the dashboard), nurses in training who look after patients before and after the procedure, and self-paced learners.
*Time:* about 25 minutes (nurses who focus on sections 1 and 5 and the quiz: about 15 minutes).

**Learning objectives.** By the end you will be able to:

1. explain why blocking the hepatic artery harms liver metastases far more than the normal liver (the *ischaemia principle*);
2. predict where embolic particles of a given size stop, and why small particles reach further (and can slip through shunts) while large ones stop early and leave collateral routes open;
3. describe how drug leaves a drug-eluting bead, how far it spreads, and why laboratory and body-like measurements differ;
4. compare bland embolisation, conventional TACE and drug-eluting bead TACE, including the risk of bile-duct injury with beads in the NET liver;
5. prepare, monitor and advise a patient through TACE, and recognise warning signs.

New here? Start with [NETs and the liver](01_nets_and_the_liver.ipynb) and [the hepatic arteries](02_hepatic_arteries.ipynb).
"""),
    ("code", """
from IPython.display import display
from netteach.widgets import quiz, tace
"""),
    ("md", """
## 1. What TACE is, and the ischaemia principle

**Embolisation** means blocking a blood vessel on purpose from the inside. In **transarterial embolisation** an interventional radiologist passes a thin tube (a *catheter*) from the groin or the wrist up into the liver's artery, the **hepatic artery**, and injects tiny particles that block the branches feeding the tumours. In **chemoembolisation (TACE)** a cancer drug, usually doxorubicin, goes in with the particles.

Why does this not destroy the whole liver? The liver has two blood supplies. The **portal vein** brings blood from the gut and carries about 75% of the liver's blood flow (sources give 70-80%), though only about half of its oxygen; the hepatic artery carries the other 25% or so. A liver metastasis is different: in one classic study of colorectal metastases, tumour blood flow fell to about 5% of its starting value when the hepatic artery was blocked, so roughly 95% of the tumour's blood is arterial. Hypervascular metastases such as NETs behave the same way. Block the artery and the tumour suffers **ischaemia** (loss of blood supply) while the normal liver lives on through the portal vein. The rim of some metastases also gets portal blood, one reason embolisation rarely kills every tumour cell. The [NETs and the liver dashboard](01_nets_and_the_liver.ipynb) explains the dual blood supply in more detail.

**Predict, then check:** if the hepatic artery to the treated area is completely blocked, roughly what share of its blood supply does the normal liver keep, and what share does the tumour keep? Write down two numbers, then drag the slider to 100%.
"""),
    ("code", "display(tace.build_ischaemia_panel())"),
    ("md", """
## 2. Where do the particles stop?

Particles ride with the blood until the artery becomes as narrow as they are, and then they stick. The catheter tip sits in a named artery: the common, proper, right or left hepatic artery (CT measurements in adults give average widths of 4.3, 2.93, 2.92 and 2.51 mm). The [hepatic arteries dashboard](02_hepatic_arteries.ipynb) shows how these arteries vary between people, and why the catheter is placed beyond branches that leave the liver.

Beyond the named arteries the model uses **Murray's law** (Murray 1926): at each branching, the cube of the parent vessel's width equals the sum of the cubes of its branches' widths. With two equal branches each is about four-fifths as wide as its parent, so the width halves roughly every three branchings. The model follows one path from the catheter tip down to vessels about 10 µm wide (1 µm, a micrometre, is a thousandth of a millimetre).

- **Small particles reach further.** A 40 µm bead passes about 19 branchings beyond the right hepatic artery before it sticks, deep among the tumour's own small vessels. If a tumour has an abnormal direct channel from an artery to a vein (a **shunt**) that is wider than the particle, the particle slips straight through into the veins and on towards the lungs.
- **Large particles stop early.** A 700 µm bead stops about 7 branchings beyond the right hepatic artery. Each one blocks a bigger share of the tree, but the smaller vessels beyond it stay open, and **collateral vessels** (side channels that join below the block) can refill them, so the tumour may survive.
- **Drug-loaded beads shrink.** DC Bead shrinks by about 20% when loaded with doxorubicin, so a loaded bead travels a little further than its label suggests.

Size also changes side effects. In one liver-cancer (HCC) study, 100-300 µm beads caused post-embolisation syndrome in 8% of patients against 40% with 300-500 µm beads; a registry of 206 HCC patients found more adverse events with larger beads (28% against 16%). These are single studies in a different cancer: treat them as examples, not rules.

*Model assumptions (labelled, not facts):* branching is symmetric; every branch follows Murray's law (the measured CT widths do not quite); a particle stops in the first vessel no wider than itself; beads do not clump or compress, and flow does not slow as vessels fill. The 40-120 µm class is shown as an example of small beads; its exact use in NETs is not verified in our sources.

**Predict, then check:** a 500 µm bead stops about 9 branchings beyond the proper hepatic artery. How many more branchings will a 250 µm bead pass? (Hint: the width halves about every three branchings.) Then move the slider. Next, tick *Drug-loaded bead* and predict which way the stopping point moves.
"""),
    ("code", "display(tace.build_particle_panel())"),
    ("md", """
## 3. Drug release and reach

In **drug-eluting bead TACE (DEB-TACE)** the drug is bound inside the beads (DC Bead holds doxorubicin by ion exchange) and leaks out slowly where they lodge. How fast? It depends on how you measure it, which is why each curve is labelled:

- **In the laboratory (in vitro).** In one comparison of four bead types loaded with 40 mg of doxorubicin per mL, release stopped at a plateau by about 6 hours. DC Bead released 21% of its dose (LifePearl 30%, HepaSphere 8%, Tandem 6%), and 75% of what DC Bead would release was out after 197 minutes (de Baere 2016). A stirred dissolution bath (the USP II method) empties DC Bead completely in under 4 hours: different methods, different answers.
- **In a body-like (quasi-static) model.** When the drug has to diffuse through still fluid, as in a blocked artery, the predicted release half-life is over 1500 hours (more than two months) for all DC Bead sizes. This model matched patients' blood levels for the first 24 hours after TACE. We draw it with a half-life of exactly 1500 hours, the fastest the source allows.

**How far does the drug reach?** In rabbit liver, doxorubicin from beads was found up to about 200 µm from the bead edge, at 40-246 µg/mL after 1 week and 5.6-28 µg/mL after 1 month (Zhang 2017). In other words: *most of the drug stays within about a fifth of a millimetre of the bead.* The second graph is a model of diffusion (spreading) with uptake by cells and removal by blood, matched to that 200 µm. In the model about 70% of the drug in the tissue lies within 200 µm of a 200 µm bead. Assumptions: one isolated bead in uniform tissue; "reached" means at least 5% of the level at the bead edge; the speed of spreading uses an assumed diffusion coefficient (it sets how fast the profile forms, not how far it reaches). The rabbit tissue levels fell faster between one week and one month than this slow-release model predicts, so read times beyond the first day as a trend.

Beads also keep more drug out of the blood: in the same rabbits, peak plasma doxorubicin 5 minutes after treatment was 39.9 ng/mL with beads against 225.9 ng/mL with a Lipiodol emulsion.

**Predict, then check:** after 1 day, roughly what share of its drug has a DC Bead released in the laboratory, and in the body-like model? After 1 month, will the drug reach further from the bead than after 1 day? Move the time slider to check, then change the bead size.
"""),
    ("code", "display(tace.build_release_panel())"),
    ("md", """
## 4. cTACE, DEB-TACE and bland embolisation compared

- **Bland embolisation (TAE):** particles alone; the tumour dies of ischaemia.
- **Conventional TACE (cTACE):** the drug is mixed into an oily emulsion with ethiodised oil (**Lipiodol**), injected, and followed by particles.
- **DEB-TACE:** drug-loaded calibrated beads embolise and release the drug slowly.

What the evidence says, in brief. In NETs, embolisation relieves symptoms in most patients (80% in one series of bland embolisation; 92% in a series of 122 patients with chemoembolisation), and European guidance says TAE, TACE or SIRT control carcinoid syndrome in up to 75% of cases. An expert consensus found no method proven better than another. The RETNET trial was designed to compare bland embolisation, cTACE and DEB-TACE (60 patients per arm); later versions compare only bland embolisation and cTACE.

The specific risk of beads in NETs is **bile-duct injury**. Most NET patients have a normal, non-cirrhotic liver. In a study of 120 NET and 88 HCC patients, DEB-TACE raised the odds of a liver or bile-duct injury about 6.6-fold, and a **biloma** (a collection of bile from a damaged duct) or liver infarct was linked both to beads (odds ratio 9.8) and to NETs (8.1). A phase II trial of DEB-TACE in NETs found bilomas in 7 of 13 patients (54%) and was interrupted. The proposed reason: in cirrhosis the fine network of arteries around the bile ducts (the **peribiliary plexus**) is enlarged and protects them; in the normal NET liver it is not.

**Predict, then check:** before you open the table, guess which technique has the best evidence of *better survival* in NETs. Then read the evidence row for each.
"""),
    ("code", "display(tace.build_family_panel())"),
    ("md", """
## 5. The patient's journey through TACE

A nurse's view of the procedure: preparing the patient, the day itself, recovery and the warning signs. The general points are shared with SIRT and RFA (see the [patient's journey dashboard](07_patient_journey.ipynb)); the tabs *Side effects* and *Who should not* are specific to TACE.

Key points to remember:

- **Before:** blood tests (clotting, kidney function), fasting, a medicines review (never stop blood thinners without advice), ask about contrast allergy, **octreotide cover for functioning tumours** (carcinoid syndrome), and **extended antibiotics after a Whipple operation**.
- **After:** **post-embolisation syndrome** (fever, pain under the right ribs, nausea, tiredness) is expected, worst in the first 24-48 hours and usually settled in 3-5 days; care is fluids, pain relief, anti-sickness and fever medicines.
- **Warning signs:** fever above 38.6 °C for more than a day, pain not relieved by medicines, bleeding or a cold, numb leg, and fever or rigors 1-3 weeks later (possible **liver abscess**).

**Predict, then check:** on which days after TACE would you most expect a phone call about fever from post-embolisation syndrome, and when would a fever make you think of an abscess instead? Move the day slider to check.
"""),
    ("code", "display(tace.build_journey_panel())"),
    ("md", """
## 6. Check your understanding

Answer each question, then read the feedback: it explains why each answer is right or wrong. Choose *students* or *nurses* to see the questions for your group.
"""),
    ("code", 'display(quiz.build_quiz_panel("03_tace"))'),
    ("md", """
## Summary

- Liver metastases take about 95% of their blood from the hepatic artery; normal liver takes about 75% of its flow from the portal vein. Blocking the artery starves the tumour and spares the liver.
- A particle stops where the artery narrows to its own size. Arteries narrow by about a fifth at each branching, so small beads go further (and can slip through shunts); large beads stop early and collaterals can refill the vessels beyond them.
- Drug release depends on the setting: a laboratory plateau within hours (DC Bead 21% of the dose), a half-life of over 1500 hours in a body-like model. Most of the drug stays within about a fifth of a millimetre (200 µm) of the bead.
- Bland embolisation, cTACE and DEB-TACE all work in NETs and none has been proven better; beads carry a high risk of bile-duct injury (biloma) in the non-cirrhotic NET liver.
- Nurses prepare (bloods, fasting, medicines, contrast allergy, octreotide, antibiotics after a Whipple), expect post-embolisation syndrome for 3-5 days, and act on warning signs.

For teaching only, not for clinical decisions.

## References
"""),
    ("code", "display(tace.build_references_panel())"),
]

if __name__ == "__main__":
    write_notebook(ROOT / "notebooks" / "03_tace.ipynb", CELLS)
    print("wrote notebooks/03_tace.ipynb")
