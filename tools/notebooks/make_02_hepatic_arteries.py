"""Write notebooks/02_hepatic_arteries.ipynb."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nbwrite import write_notebook  # noqa: E402

CELLS = [
    ("md", """
# The hepatic arteries: variants, catheter position and non-target risk

*Who it is for:* second-year medical students, nurses in training and self-paced learners. It helps to have done [NETs and the liver](01_nets_and_the_liver.ipynb) first.
*Time:* about 35 minutes.

**Learning objectives.** By the end you will be able to:

1. name the arteries from the coeliac trunk to the right and left hepatic arteries, and the small branches that leave them (gastroduodenal, right gastric, cystic, segment IV and falciform arteries);
2. match the hepatic arteries to the liver's Couinaud segments I to VIII;
3. describe the commonest variants (Michels types) and how often series found them;
4. predict which segments and which other organs an injection reaches from a given catheter position;
5. explain how a superselective catheter position and coil embolisation prevent non-target embolisation, and what the evidence on prophylactic coiling says.
"""),
    ("code", """
from IPython.display import display
from netteach.widgets import anatomy, quiz, references
"""),
    ("md", """
## 1. The standard pattern and the liver's segments

In the standard pattern (Michels type I), the **coeliac trunk** leaves the front of the aorta and splits into three: the **left gastric artery** (to the stomach), the **splenic artery** and the **common hepatic artery (CHA)**. The CHA divides into the **gastroduodenal artery (GDA)**, which runs behind the duodenum and in front of the pancreas, and the **proper hepatic artery (PHA)**. The PHA divides into the **right and left hepatic arteries (RHA, LHA)**. On CT, the CHA averages 4.3 mm across and the PHA, RHA and LHA about 2.5-2.9 mm (Bilir).

Small branches leave these arteries for organs outside the liver. They matter because an injected agent can follow them:

- the **right gastric artery** to the stomach, arising from the PHA in 43% and the LHA in 41% of people (J Korean Radiol Soc 1997);
- the **cystic artery** to the gallbladder, drawn here from the RHA; it can also arise further out, for example from the right anterior branch;
- the **hepatic falciform artery**, seen in about half of people (Chung 2006), which runs to the skin above the navel.

The liver itself is divided into eight **Couinaud segments**, each with its own branch of artery, portal vein and bile duct: **I** is the caudate lobe at the back, fed from both sides; **II and III** are the left lateral segments; **IV** is the left medial segment; **V and VIII** (right anterior) and **VI and VII** (right posterior) make up the right liver. The **segment IV artery** comes from the LHA in about 57% of people and from the RHA in about 32% (Imam 2022). Which branch feeds which segment follows the portal pedicles; the diagram uses that rule.

**Predict, then check:** the catheter starts in the common hepatic artery. Before you move it, predict which organs outside the liver turn red-orange now, and which of them stop being at risk when you advance the catheter into the right hepatic artery. Then move the slider. Finally, tick a coil box and see what changes.
"""),
    ("code", "display(anatomy.build_arteries_panel())"),
    ("md", """
## 2. Variants: how often, and why they matter

About a quarter of people or more have a different pattern. Michels described ten types from 200 dissections (the year is quoted as 1951, 1955 or 1966). A **replaced** artery comes from an unusual parent and is the only supply to its part of the liver; an **accessory** artery is an extra one alongside the usual artery.

| Type | What is different |
|---|---|
| I | Standard pattern |
| II | Replaced left hepatic artery from the left gastric artery |
| III | Replaced right hepatic artery from the superior mesenteric artery (SMA) |
| IV | Both replaced |
| V | Accessory left hepatic artery from the left gastric artery |
| VI | Accessory right hepatic artery from the SMA |
| VII | Both accessory |
| VIII | One replaced and one accessory |
| IX | The whole common hepatic artery from the SMA |
| X | The whole common hepatic artery from the left gastric artery |

Series disagree on how often each type occurs, because they studied different people (cadavers, liver donors, CT scans) in different ways, and many people fit no type at all. The chart shows every figure we found; Hiatt's 1000-donor series groups some types together.

**Predict, then check:** pick type III in the chart below and read its frequency. Then, in the diagram above, choose type III with the catheter in the proper hepatic artery: predict which segments will be treated before you look.
"""),
    ("code", "display(anatomy.build_variants_panel())"),
    ("md", """
## 3. Keeping the agent where it belongs

**Non-target embolisation** means particles, drug or radioactive spheres reaching an organ they were not meant for. What can follow depends on the organ (the expected effects; rates are given where a source reports them):

- **gallbladder** (cystic artery): inflammation from loss of blood supply (ischaemic cholecystitis). Acute cholecystitis is the commonest complication of TACE in one review; one series of 237 patients had cholecystitis in 5.48%;
- **stomach** (right gastric or left gastric artery) and **duodenum** (GDA): ulcers and bleeding;
- **pancreas** (GDA): pancreatitis;
- **skin above the navel** (falciform artery): pain or a rash.

**Prevention.** First, map the arteries before treatment: on angiography (DSA) the right gastric artery's origin was found in 87.1% of cases, against 12.8% on CT angiography (Irfan & Weir 2016). Then place the catheter **superselectively**, beyond the origins of the branches to other organs (Borggreve 2016). Where that is not possible, an interventional radiologist can close a branch with **coils**. A systematic review of 8 studies and 1237 patients found **no difference** in gut complications with or without prophylactic coiling, and advised coiling only arteries that arise beyond or close to the injection site (Borggreve 2016). Most of that evidence comes from SIRT; for TACE, the superselective position is the usual protection.

**Predict, then check:** the catheter is in the proper hepatic artery, and the right gastric artery arises from the left hepatic artery (choose that in the menu). Which organs are at risk? Predict two ways to protect the stomach, then try them: advance the catheter, or coil the right gastric artery.
"""),
    ("code", 'display(anatomy.build_arteries_panel(catheter_at="PHA", title="Protect the organs at risk"))'),
    ("md", "## Check your understanding\n\nEach answer explains why it is right or wrong. You can try each question again."),
    ("code", 'display(quiz.build_quiz_panel("02_hepatic_arteries"))'),
    ("md", """
## Summary

- Coeliac trunk → common hepatic artery → gastroduodenal + proper hepatic artery → right and left hepatic arteries. The segment IV artery usually comes from the left; the caudate (I) is fed from both sides.
- Small branches (gastroduodenal, right gastric, cystic, falciform) carry an injected agent to the duodenum, pancreas, stomach, gallbladder and skin.
- Variants are common and series disagree on how common (standard pattern in about 55-86%). In a replaced right hepatic artery (Michels III), an injection into the proper hepatic artery misses segments V to VIII.
- Prevent non-target embolisation by mapping the arteries, placing the catheter superselectively and, selectively, by coiling; routine prophylactic coiling has not been shown to reduce complications (Borggreve 2016).

*For teaching only, not for clinical decisions.*

## References
"""),
    ("code", 'display(references.build_references_panel("anatomy"))'),
]

if __name__ == "__main__":
    write_notebook(Path(__file__).resolve().parents[2] / "notebooks" / "02_hepatic_arteries.ipynb", CELLS)
