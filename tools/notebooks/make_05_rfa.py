"""Write notebooks/05_rfa.ipynb (the RFA dashboard)."""

from pathlib import Path

import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = []
cells.append(md("""# Radiofrequency ablation: killing a tumour with heat

*Who it is for:* second-year medical students (seminar, with a tutor projecting the dashboard), nurses in training who care for patients before and after ablation, and self-paced learners.
*Time:* about 45 minutes.

**Learning objectives.** By the end you will be able to:

1. explain how a radio-frequency current heats liver tissue, and why tissue next to the needle must not boil;
2. describe how temperature *and* time decide whether cells die, and why two common damage models disagree below about 50 °C;
3. predict how power, time, blood flow and a nearby blood vessel change the size and shape of the dead zone;
4. judge which tumours suit RFA (size, margin, vessels, bowel and bile ducts, number), and how microwave ablation differs;
5. summarise the evidence in neuroendocrine tumour (NET) liver metastases, what the patient experiences and which warning signs matter.

*For teaching only, not for clinical decisions.* Words in **bold** are defined in the glossary of the [start page](00_start_here.ipynb)."""))
cells.append(code("from IPython.display import display\nfrom netteach.widgets import quiz, rfa"))
cells.append(md("""## 1. How RFA works

In **radiofrequency ablation (RFA)** a doctor pushes a needle-like **electrode** through the skin into the tumour, guided by ultrasound or CT (or places it during an operation). Only the needle's exposed end, the *active tip*, carries current. A radio-frequency current, typically 450-500 kHz, flows from the tip through the body to large **return pads** stuck on the skin.

The tissue itself resists the current, so the tissue heats up: this is **Joule heating**, the same effect that warms the wire of a toaster. The current is squeezed together near the thin needle, so almost all the heat is made within a few millimetres of it. Tissue further out is heated by heat **conducted** outwards from this hot core, and cooled by the blood flowing through the liver (**perfusion**).

**Predict, then check:** if you double the power, does the heat made 10 mm from the needle double, or rise more than that? Move the power slider and compare the numbers at 1, 5 and 10 mm."""))
cells.append(code("display(rfa.build_how_it_works_panel())"))
cells.append(md("""## 2. Temperature and time decide cell death

Heat kills cells by damaging their proteins (**coagulation necrosis**). Above about **60 °C** cells die almost at once; between **50 and 60 °C** they die within minutes; at 40-45 °C (**hyperthermia**) they survive for a long time. So a cell's fate depends on how hot it gets *and for how long*.

Two models turn a temperature history into a verdict:

* the **Arrhenius damage model** adds up the damage as a number Ω; Ω = 1 means about 63% of cells are dead and is used as the edge of the lesion;
* the **thermal dose (CEM43)** converts heating time into equivalent minutes at 43 °C; about 240 minutes is often quoted as the threshold for necrosis, but we found it only in sources about brain and focused ultrasound, not liver.

**Predict, then check:** at 45 °C, which model says the cells die sooner, and by how much? Set 45 °C and move the time slider until each model says "dead"."""))
cells.append(code("display(rfa.build_damage_panel())"))
cells.append(md("""## 3. The ablation simulator

This simulator solves the same equations that engineers use to design ablation needles: the electrical current through the tissue, the **bioheat (Pennes) equation** for heat spreading and being carried off by blood, and the Arrhenius damage. Blood flow stops in tissue that has died. Above 100 °C tissue water boils, the tissue dries and chars, its **impedance** rises and the generator's power falls: **roll-off**. A **cooled electrode** (chilled water inside the needle) delays this.

The picture is a slice *across* the needle. The simulator treats the active tip as very long, so it shows the cross-section of the zone, not its length; read the assumptions panel below it. A blood vessel can run alongside the needle: its flowing blood keeps its wall near 37 °C, the **heat-sink effect**. The dashed purple circle is the tumour; the green circles show a 5 mm and a 10 mm **ablative margin**.

**Predict, then check:**
1. Before moving anything: if you halve the time, will the dead zone be half as wide, or wider than half? Try 6 minutes.
2. Move the vessel from 30 mm to 2 mm from the needle. On which side does the dead zone shrink, and does the far side change? Then untick the vessel.
3. Switch off the cooled needle and raise the power to 60 W. What happens to the power line and to the zone?

Then move the *Time shown* slider to replay the ablation."""))
cells.append(code("display(rfa.build_simulator_panel())"))
cells.append(code("display(rfa.build_assumptions_panel())"))
cells.append(md("""## 4. When RFA suits

RFA works best on a single tumour of **3 cm or less**: in reviews more than 90% of tumours under 3 cm are completely ablated, and a European consensus cited in one review makes percutaneous ablation first-line for tumours under 2 cm. The dead zone must cover the tumour **plus a margin** of normal liver all round, at least 5 mm and ideally about 10 mm, because tumour cells lie beyond the visible edge. One cooled needle makes a zone of about 3-5 cm.

Position matters too. A vessel wider than about 3 mm beside the tumour acts as a heat sink: in one series of 564 small tumours, 20 of the 101 next to such vessels recurred (about 20%), against 5.9% overall. The bowel and the main bile ducts can be injured by the heat.

**Predict, then check:** a 25 mm tumour with a planned 10 mm margin: can one cooled needle cover it? Set it up and read the checklist. Then compare the margin groups in the chart."""))
cells.append(code("display(rfa.build_suitability_panel())"))
cells.append(md("""### A brief comparison with microwave ablation

**Microwave ablation (MWA)** heats tissue with microwaves (915 MHz or 2.45 GHz) that make water molecules rotate. It is not stopped by charring, so it can run hotter and shorter.

**Predict, then check:** would you expect the heat sink to matter more or less with microwaves? Read the table."""))
cells.append(code("display(rfa.build_microwave_panel())"))
cells.append(md("""## 5. The evidence in NETs, and what the patient experiences

NET liver metastases are often several. RFA is used on its own for a few small tumours, or alongside surgery to treat tumours that cannot be cut out (this can make surgery possible). It can relieve hormone symptoms such as flushing and diarrhoea (**carcinoid syndrome**).

For the ward: the patient has blood tests (clotting) and scans beforehand, and consent covers bleeding, infection or abscess, and heat injury to nearby organs. The team chooses between sedation and a **general anaesthetic**. Afterwards pain and a raised temperature can follow (**post-ablation syndrome**); know the warning signs.

**Predict, then check:** if regrowth at the treated spot was under 4% in one series, why does the disease still come back in most NET patients? Look at the chart, then step through the patient's journey."""))
cells.append(code("display(rfa.build_evidence_panel())"))
cells.append(md("""## 6. Check your understanding

Each answer comes with an explanation. Nurses and students can filter the questions meant for them."""))
cells.append(code('display(quiz.build_quiz_panel("05_rfa"))'))
cells.append(md("""## Summary

* RFA heats tissue through its own electrical resistance; the heat is made close to the needle and spreads by conduction, while blood flow carries it away.
* Cell death depends on temperature and time: near-instant above about 60 °C, minutes at 50-60 °C. The Arrhenius and CEM43 models disagree below about 50 °C and agree at ablation temperatures.
* Tissue at 100 °C boils and chars: impedance rises and power rolls off. Cooled needles delay this and give bigger zones (about 3-5 cm).
* Vessels wider than about 3 mm act as heat sinks and spare tumour cells beside them; about one in five such tumours recurred in one series.
* Aim for a margin of at least 5 mm, ideally 10 mm; RFA suits single tumours of 3 cm or less away from large vessels, bowel and main bile ducts. Microwave ablation is hotter, faster and less affected by vessels.
* In NETs, RFA controls the treated spots well and relieves symptoms in most patients, but the disease usually comes back elsewhere; watch for fever, uncontrolled pain and late rigors (abscess).

Next: [choosing a therapy](06_choosing_a_therapy.ipynb) weighs RFA against TACE and SIRT for a patient.

## References"""))
cells.append(code("display(rfa.build_references_panel())"))
nb = nbf.v4.new_notebook(cells=cells, metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}, "language_info": {"name": "python"}})
for i, cell in enumerate(nb.cells):
    cell["id"] = f"cell-{i:02d}"
nbf.write(nb, str(Path(__file__).resolve().parents[2] / "notebooks" / "05_rfa.ipynb"))
