<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>pension</name>
    <message>
        <source>an amortization layer needs at least one payment</source>
        <extracomment>Sources of an amortization layer (keys of ``AmortizationPolicy.periods`` / ``ramps``). The Pew-style stress path: -24% then three years of +12% (reference §1.5). Percentiles reported for stochastic runs.</extracomment>
        <translation>una capa de amortización necesita al menos un pago</translation>
    </message>
    <message>
        <source>the liability at the current rate must be positive</source>
        <translation>el pasivo a la tasa actual debe ser positivo</translation>
    </message>
    <message>
        <source>years must be at least 1</source>
        <extracomment>Duration used when a plan has neither a ±1% table nor a duration of its own. Convexity / duration² when only a duration is known (Texas TRS: 230 / 12.28² ≈ 1.5).</extracomment>
        <translation>los años deben ser al menos 1</translation>
    </message>
    <message>
        <source>a plan needs at least one tier (payroll and normal-cost rate)</source>
        <translation>un plan necesita al menos un nivel (nómina y tasa de costo normal)</translation>
    </message>
    <message>
        <source>amortization timing must be between 0 and 1 year</source>
        <translation>el momento de los pagos de amortización debe estar entre 0 y 1 año</translation>
    </message>
    <message>
        <source>Unfunded liability at the start</source>
        <translation>Pasivo no financiado inicial</translation>
    </message>
    <message>
        <source>Bases not listed</source>
        <translation>Bases no listadas</translation>
    </message>
    <message>
        <source>Discount rate {old} -&gt; {new}</source>
        <translation>Tasa de descuento {old} -&gt; {new}</translation>
    </message>
    <message>
        <source>Unfunded liability</source>
        <translation>Pasivo no financiado</translation>
    </message>
    <message>
        <source>{year} gain/loss</source>
        <translation>Ganancia/pérdida de {year}</translation>
    </message>
    <message>
        <source>{year} investment gain/loss</source>
        <translation>Ganancia/pérdida de inversión de {year}</translation>
    </message>
    <message>
        <source>smoothing years must be at least 1</source>
        <translation>los años de suavizado deben ser al menos 1</translation>
    </message>
</context>
</TS>
