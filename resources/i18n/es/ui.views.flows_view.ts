<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>FlowsView</name>
    <message>
        <source>FY{start}-{end} {phase}</source>
        <extracomment>Fold flows under this share of the total by default (a room reads ~15 boxes per column). The slider works in tenths of a percent, up to 10%. Outline of boxes the room has written notes on (Okabe–Ito orange). Point sizes on the chart (pixels = points × dpi / 72). Longest label drawn, in characters (the full name is in the tooltip).</extracomment>
        <translation>AF{start}-{end} {phase}</translation>
    </message>
    <message>
        <source>Flows</source>
        <extracomment>canonical-column filters of a clicked node, e.g. ``{&quot;department&quot;: &quot;Parks&quot;}`` (lists for an &quot;Other (n)&quot; node), for the window to select it in Explore the text a status bar can show (what is drawn, or what the pointer is over)</extracomment>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Fiscal year and phase</source>
        <translation>Año fiscal y fase</translation>
    </message>
    <message>
        <source>Which budget to show: a fiscal year and its phase</source>
        <translation>Qué presupuesto mostrar: un año fiscal y su fase</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Año:</translation>
    </message>
    <message>
        <source>Levels shown</source>
        <translation>Niveles que se muestran</translation>
    </message>
    <message>
        <source>Revenue ▸ Fund ▸ Department</source>
        <translation>Ingresos ▸ Fondo ▸ Departamento</translation>
    </message>
    <message>
        <source>Revenue ▸ Fund ▸ Department ▸ Program</source>
        <translation>Ingresos ▸ Fondo ▸ Departamento ▸ Programa</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>&amp;General Fund only</source>
        <translation>&amp;Solo Fondo General</translation>
    </message>
    <message>
        <source>Only the General Fund: the money the council can spend on anything</source>
        <translation>Solo el Fondo General: el dinero que el concejo puede gastar en cualquier cosa</translation>
    </message>
    <message>
        <source>&amp;Net of transfers</source>
        <translation>&amp;Neto de transferencias</translation>
    </message>
    <message>
        <source>Leave out transfers between funds and internal-service charges, so no dollar is counted twice</source>
        <translation>Dejar fuera las transferencias entre fondos y los cargos de servicios internos, para que ningún dólar se cuente dos veces</translation>
    </message>
    <message>
        <source>Fold small flows into Other</source>
        <translation>Agrupar los flujos pequeños en Otros</translation>
    </message>
    <message>
        <source>Boxes smaller than this share of all the money fold into “Other (n)”</source>
        <translation>Las cajas menores que esta proporción de todo el dinero se agrupan en “Otros (n)”</translation>
    </message>
    <message>
        <source>&amp;Fold under:</source>
        <translation>A&amp;grupar bajo:</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>Mostrar &amp;todo</translation>
    </message>
    <message>
        <source>Leave the focus and show every flow (Backspace)</source>
        <translation>Dejar el enfoque y mostrar todos los flujos (Retroceso)</translation>
    </message>
    <message>
        <source>What the toggles removed</source>
        <translation>Lo que quitaron las opciones</translation>
    </message>
    <message>
        <source>Open a budget to see where its money comes from and where it goes.</source>
        <translation>Abra un presupuesto para ver de dónde viene su dinero y adónde va.</translation>
    </message>
    <message>
        <source>Follow a dollar of</source>
        <translation>Seguir un dólar de</translation>
    </message>
    <message>
        <source>Type a department, program, fund or revenue…</source>
        <translation>Escriba un departamento, programa, fondo o ingreso…</translation>
    </message>
    <message>
        <source>F&amp;ollow a dollar:</source>
        <translation>S&amp;eguir un dólar:</translation>
    </message>
    <message>
        <source>Fo&amp;cus on it</source>
        <translation>Enfo&amp;carlo</translation>
    </message>
    <message>
        <source>Show only the money through the chosen box</source>
        <translation>Mostrar solo el dinero que pasa por la caja elegida</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Limpiar</translation>
    </message>
    <message>
        <source>Follow a dollar, in words</source>
        <translation>Seguir un dólar, en palabras</translation>
    </message>
    <message>
        <source>Pick a department: which funds and revenues pay for it, in cents of each dollar. Pick a revenue: where it goes.</source>
        <translation>Elija un departamento: qué fondos e ingresos lo pagan, en centavos de cada dólar. Elija un ingreso: adónde va.</translation>
    </message>
    <message>
        <source>Money flows</source>
        <translation>Flujos de dinero</translation>
    </message>
    <message>
        <source>Revenue ▸ Fund ▸ Department ▸ Division</source>
        <translation>Ingresos ▸ Fondo ▸ Departamento ▸ División</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 of transfers</source>
        <translation>%1 de transferencias</translation>
    </message>
    <message>
        <source>%1 of internal-service charges</source>
        <translation>%1 de cargos de servicios internos</translation>
    </message>
    <message>
        <source>Net of transfers: %1 left out.</source>
        <translation>Neto de transferencias: quedan fuera %1.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Net of transfers: there were none to leave out.</source>
        <translation>Neto de transferencias: no había ninguna que dejar fuera.</translation>
    </message>
    <message>
        <source>General Fund only.</source>
        <translation>Solo Fondo General.</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>Fondos</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departamentos</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Programas</translation>
    </message>
    <message>
        <source>Divisions</source>
        <translation>Divisiones</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>ingreso</translation>
    </message>
    <message>
        <source>fund</source>
        <translation>fondo</translation>
    </message>
    <message>
        <source>department</source>
        <translation>departamento</translation>
    </message>
    <message>
        <source>program</source>
        <translation>programa</translation>
    </message>
    <message>
        <source>division</source>
        <translation>división</translation>
    </message>
    <message>
        <source>fund balance</source>
        <translation>saldo del fondo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No lines for this year and phase</source>
        <translation>No hay partidas para este año y fase</translation>
    </message>
    <message>
        <source>No money flows through this box in the budget shown.</source>
        <translation>En el presupuesto mostrado no pasa dinero por esta caja.</translation>
    </message>
    <message>
        <source>General Fund only</source>
        <translation>Solo Fondo General</translation>
    </message>
    <message>
        <source>all funds</source>
        <translation>todos los fondos</translation>
    </message>
    <message>
        <source>, net of transfers</source>
        <translation>, neto de transferencias</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 of revenue · hover for amounts, click a box to focus</source>
        <translation>%1 · %2 · %3 de ingresos · pase el cursor para ver montos, haga clic en una caja para enfocarla</translation>
    </message>
    <message>
        <source>Net of transfers, %1 pays for %2% of department spending</source>
        <translation>Neto de transferencias, %1 paga el %2% del gasto de los departamentos</translation>
    </message>
    <message>
        <source>%1 pays for %2% of department spending</source>
        <translation>%1 paga el %2% del gasto de los departamentos</translation>
    </message>
    <message>
        <source>Net of transfers, where the money goes</source>
        <translation>Neto de transferencias, adónde va el dinero</translation>
    </message>
    <message>
        <source>Where the money goes</source>
        <translation>Adónde va el dinero</translation>
    </message>
    <message>
        <source>Net of transfers, %1 brings in %2% of the money</source>
        <translation>Neto de transferencias, %1 aporta el %2% del dinero</translation>
    </message>
    <message>
        <source>%1 brings in %2% of the money</source>
        <translation>%1 aporta el %2% del dinero</translation>
    </message>
    <message>
        <source>%1: %2, and %3% of it goes to %4</source>
        <translation>%1: %2, y el %3% es para %4</translation>
    </message>
    <message>
        <source>%1: %2, and %3% of it is paid by %4</source>
        <translation>%1: %2, y %4 paga el %3%</translation>
    </message>
    <message>
        <source>%1: %2, and %3% of it is %4</source>
        <translation>%1: %2, y el %3% es %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>transfer %1</source>
        <translation>transferencia %1</translation>
    </message>
    <message>
        <source>revenue into a fund</source>
        <translation>ingresos que entran a un fondo</translation>
    </message>
    <message>
        <source>spending by a fund</source>
        <translation>gasto de un fondo</translation>
    </message>
    <message>
        <source>transfer between funds (counted once)</source>
        <translation>transferencia entre fondos (contada una vez)</translation>
    </message>
    <message>
        <source>between funds, left out of the totals</source>
        <translation>entre fondos, fuera de los totales</translation>
    </message>
    <message>
        <source>fund balance / reserves</source>
        <translation>saldo del fondo / reservas</translation>
    </message>
    <message>
        <source>negative amounts (recoveries, credits)</source>
        <translation>montos negativos (recuperaciones, créditos)</translation>
    </message>
    <message>
        <source>%1: %2 boxes; largest %3.</source>
        <translation>%1: %2 cajas; las mayores: %3.</translation>
    </message>
    <message>
        <source>all the money flowing in</source>
        <translation>todo el dinero que entra</translation>
    </message>
    <message>
        <source>this column</source>
        <translation>esta columna</translation>
    </message>
    <message>
        <source>%1
%2 — %3% of %4</source>
        <translation>%1
%2 — %3% de %4</translation>
    </message>
    <message>
        <source>Transfer from %1 to %2
%3 (counted once)</source>
        <translation>Transferencia de %1 a %2
%3 (contada una vez)</translation>
    </message>
    <message>
        <source>%1 → %2
%3</source>
        <translation>%1 → %2
%3</translation>
    </message>
    <message>
        <source>
%1% of what %2 pays out; %3% of what %4 takes in</source>
        <translation>
%1% de lo que paga %2; %3% de lo que recibe %4</translation>
    </message>
</context>
</TS>
