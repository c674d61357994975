<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>lens</name>
    <message>
        <source>fiduciary funds (money held for others, such as a retirement trust) are not counted: {amount} of their spending is left out</source>
        <extracomment>drop interfund transfers and internal-service charges, so nothing is counted twice &quot;restricted&quot;, &quot;unrestricted&quot;, or None for both express amounts in this year&apos;s prices (CPI-U), or None for the budget&apos;s own dollars fiduciary funds hold money for others (a retirement trust, an investment pool): they are shown for the record, not counted in the government&apos;s own budget amounts removed by &quot;net of transfers&quot;: interfund transfers, internal-service charges spending and income of fiduciary funds left out (money held for others) the factor amounts were multiplied by (per resident, inflation), 1 if none Phases in the order a learner would pick one by default (the newest plan first).</extracomment>
        <translation>los fondos fiduciarios (dinero que se guarda para otros, como un fideicomiso de jubilación) no se cuentan: quedan fuera {amount} de su gasto</translation>
    </message>
    <message>
        <source>no population is set for this budget: amounts are totals</source>
        <translation>este presupuesto no tiene población definida: los montos son totales</translation>
    </message>
    <message>
        <source>no price index for {year} yet: {year} is priced like {last}</source>
        <translation>aún no hay índice de precios para {year}: {year} se valora como {last}</translation>
    </message>
    <message>
        <source>no price index before {first}: {year} is priced like {first}</source>
        <translation>no hay índice de precios antes de {first}: {year} se valora como {first}</translation>
    </message>
</context>
</TS>
