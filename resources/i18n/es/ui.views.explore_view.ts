<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AliasDialog</name>
    <message>
        <source>Renamed departments</source>
        <extracomment>The preset combo box&apos;s entry for an order of levels of one&apos;s own. The money toggle&apos;s choices (``Lens.restricted``). Amounts and counts are written the US way in every language (like the money). Tile colours without a comparison: Okabe–Ito without black and yellow (both read badly as large areas on a projector). Outline of tiles the room has written notes on (Okabe–Ito orange). Recompute this long after the last change of a number box (typing &quot;85000&quot; is 5 changes). Redraw the treemap this long after the last resize.</extracomment>
        <translation>Departamentos renombrados</translation>
    </message>
    <message>
        <source>A department renamed between years is counted as one when its old name is listed here with its new name, so year-over-year change is right. The table is saved with the session.</source>
        <translation>Un departamento que cambió de nombre de un año a otro se cuenta como uno solo si aquí aparece su nombre anterior junto a su nombre nuevo; así el cambio de un año a otro es correcto. La tabla se guarda con la sesión.</translation>
    </message>
    <message>
        <source>Old name</source>
        <translation>Nombre anterior</translation>
    </message>
    <message>
        <source>Joined under</source>
        <translation>Se cuenta como</translation>
    </message>
    <message>
        <source>Renamed departments: old name and new name</source>
        <translation>Departamentos renombrados: nombre anterior y nombre nuevo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>Add a renamed department</source>
        <translation>Agregar un departamento renombrado</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected rename</source>
        <translation>Quitar el cambio de nombre seleccionado</translation>
    </message>
    <message>
        <source>&amp;Suggest</source>
        <translation>&amp;Sugerir</translation>
    </message>
    <message>
        <source>Suggest likely renames</source>
        <translation>Sugerir cambios de nombre probables</translation>
    </message>
    <message>
        <source>Names that stop in one year while a similar name starts the next</source>
        <translation>Nombres que dejan de aparecer un año mientras uno parecido aparece el siguiente</translation>
    </message>
    <message>
        <source>Names in this budget: %1</source>
        <translation>Nombres en este presupuesto: %1</translation>
    </message>
</context>
<context>
    <name>ExploreView</name>
    <message>
        <source>Fund type</source>
        <translation>Tipo de fondo</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>División</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Object (personnel, retirement…)</source>
        <translation>Objeto de gasto (personal, jubilación…)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Fund ▸ Department ▸ Account</source>
        <translation>Fondo ▸ Departamento ▸ Cuenta</translation>
    </message>
    <message>
        <source>Department ▸ Fund ▸ Account</source>
        <translation>Departamento ▸ Fondo ▸ Cuenta</translation>
    </message>
    <message>
        <source>By object (personnel, retirement…)</source>
        <translation>Por objeto de gasto (personal, jubilación…)</translation>
    </message>
    <message>
        <source>Fiscal year and phase shown</source>
        <extracomment>the renamed-departments table changed (kept with the budget, saved in the session)</extracomment>
        <translation>Año fiscal y fase que se muestran</translation>
    </message>
    <message>
        <source>Which budget: the fiscal year (its end) and phase</source>
        <translation>Qué presupuesto: el año fiscal (el año en que termina) y la fase</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Presupuesto:</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Comparar con</translation>
    </message>
    <message>
        <source>Another year or phase: the tree adds the change in dollars and percent</source>
        <translation>Otro año o fase: el árbol agrega el cambio en dólares y en porcentaje</translation>
    </message>
    <message>
        <source>Co&amp;mpare with:</source>
        <translation>Co&amp;mparar con:</translation>
    </message>
    <message>
        <source>Budget vs &amp;actual</source>
        <translation>Presupuesto &amp;vs. real</translation>
    </message>
    <message>
        <source>Compare budget with actual</source>
        <translation>Comparar el presupuesto con lo real</translation>
    </message>
    <message>
        <source>S&amp;pending</source>
        <translation>&amp;Gasto</translation>
    </message>
    <message>
        <source>Show spending</source>
        <translation>Mostrar el gasto</translation>
    </message>
    <message>
        <source>Re&amp;venue</source>
        <translation>&amp;Ingresos</translation>
    </message>
    <message>
        <source>Show revenue</source>
        <translation>Mostrar los ingresos</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Agrupar por</translation>
    </message>
    <message>
        <source>Custom order</source>
        <translation>Orden propio</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>Agr&amp;upar por:</translation>
    </message>
    <message>
        <source>Levels…</source>
        <translation>Niveles…</translation>
    </message>
    <message>
        <source>Choose and reorder the levels</source>
        <translation>Elegir y reordenar los niveles</translation>
    </message>
    <message>
        <source>Tick the levels to use; move them up or down</source>
        <translation>Marque los niveles que quiere usar; súbalos o bájelos</translation>
    </message>
    <message>
        <source>Levels of the tree, top first</source>
        <translation>Niveles del árbol, el de arriba primero</translation>
    </message>
    <message>
        <source>Move level up</source>
        <translation>Subir el nivel</translation>
    </message>
    <message>
        <source>Move the selected level up</source>
        <translation>Subir el nivel seleccionado</translation>
    </message>
    <message>
        <source>Move level down</source>
        <translation>Bajar el nivel</translation>
    </message>
    <message>
        <source>Move the selected level down</source>
        <translation>Bajar el nivel seleccionado</translation>
    </message>
    <message>
        <source>&amp;General Fund only</source>
        <translation>&amp;Solo Fondo General</translation>
    </message>
    <message>
        <source>General Fund only</source>
        <translation>Solo Fondo General</translation>
    </message>
    <message>
        <source>The General Fund is the money the council can spend on anything</source>
        <translation>El Fondo General es el dinero que el concejo puede gastar en cualquier cosa</translation>
    </message>
    <message>
        <source>&amp;Net of transfers</source>
        <translation>&amp;Neto de transferencias</translation>
    </message>
    <message>
        <source>Net of transfers</source>
        <translation>Neto de transferencias</translation>
    </message>
    <message>
        <source>Leave out money moved between funds, and charges of internal service funds, so that no dollar is counted twice</source>
        <translation>Dejar fuera el dinero que pasa de un fondo a otro y los cargos de los fondos de servicios internos, para que ningún dólar se cuente dos veces</translation>
    </message>
    <message>
        <source>Amounts removed by net of transfers</source>
        <translation>Montos quitados al contar neto de transferencias</translation>
    </message>
    <message>
        <source>Restricted or unrestricted money</source>
        <translation>Dinero restringido o no restringido</translation>
    </message>
    <message>
        <source>Restricted money may be spent only on what a law, grant or voter measure says</source>
        <translation>El dinero restringido solo puede gastarse en lo que dice una ley, una subvención o una medida aprobada por los votantes</translation>
    </message>
    <message>
        <source>All money</source>
        <translation>Todo el dinero</translation>
    </message>
    <message>
        <source>Unrestricted only</source>
        <translation>Solo no restringido</translation>
    </message>
    <message>
        <source>Restricted only</source>
        <translation>Solo restringido</translation>
    </message>
    <message>
        <source>Mone&amp;y:</source>
        <translation>&amp;Dinero:</translation>
    </message>
    <message>
        <source>Per &amp;resident</source>
        <translation>Por &amp;habitante</translation>
    </message>
    <message>
        <source>Per resident</source>
        <translation>Por habitante</translation>
    </message>
    <message>
        <source>Divide every amount by the population</source>
        <translation>Dividir cada monto entre la población</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Población</translation>
    </message>
    <message>
        <source>Residents served by this budget (saved with the budget)</source>
        <translation>Habitantes a los que sirve este presupuesto (se guarda con el presupuesto)</translation>
    </message>
    <message>
        <source>P&amp;opulation:</source>
        <translation>P&amp;oblación:</translation>
    </message>
    <message>
        <source>&amp;In %1 dollars</source>
        <translation>&amp;En dólares de %1</translation>
    </message>
    <message>
        <source>Adjust for inflation</source>
        <translation>Ajustar por inflación</translation>
    </message>
    <message>
        <source>Dollars of the year</source>
        <translation>Dólares del año</translation>
    </message>
    <message>
        <source>Prices: CPI-U, U.S. city average (Bureau of Labor Statistics)</source>
        <translation>Precios: CPI-U, promedio de las ciudades de EE. UU. (Oficina de Estadísticas Laborales)</translation>
    </message>
    <message>
        <source>Express every year&apos;s amounts in one year&apos;s prices, so a change is a real change</source>
        <translation>Expresar los montos de todos los años a precios de un mismo año, para que un cambio sea un cambio real</translation>
    </message>
    <message>
        <source>Renamed &amp;departments…</source>
        <translation>Departamentos &amp;renombrados…</translation>
    </message>
    <message>
        <source>Edit renamed departments (aliases)</source>
        <translation>Editar los departamentos renombrados (alias)</translation>
    </message>
    <message>
        <source>Join a department renamed between years, so year-over-year change is right</source>
        <translation>Unir un departamento que cambió de nombre de un año a otro, para que el cambio entre años sea correcto</translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation>▲ Subir</translation>
    </message>
    <message>
        <source>Up one level</source>
        <translation>Subir un nivel</translation>
    </message>
    <message>
        <source>Climb out one level (Backspace)</source>
        <translation>Salir un nivel hacia arriba (Retroceso)</translation>
    </message>
    <message>
        <source>Breadcrumbs</source>
        <translation>Ruta de navegación</translation>
    </message>
    <message>
        <source>Show these &amp;lines</source>
        <translation>Mos&amp;trar estas partidas</translation>
    </message>
    <message>
        <source>Show these line items in the Data view</source>
        <translation>Mostrar estas partidas en la vista Datos</translation>
    </message>
    <message>
        <source>Open the Data view on the line items of the selected group (or double-click it)</source>
        <translation>Abrir la vista Datos con las partidas del grupo seleccionado (o haga doble clic en él)</translation>
    </message>
    <message>
        <source>Selected group and its total</source>
        <translation>Grupo seleccionado y su total</translation>
    </message>
    <message>
        <source>Budget tree</source>
        <translation>Árbol del presupuesto</translation>
    </message>
    <message>
        <source>Groups of the budget with amount and shares. Enter drills in, Backspace climbs out, double-click shows the lines.</source>
        <translation>Grupos del presupuesto con su monto y sus proporciones. Intro entra, Retroceso sale, doble clic muestra las partidas.</translation>
    </message>
    <message>
        <source>Open a budget to see where its money goes.</source>
        <translation>Abra un presupuesto para ver adónde va su dinero.</translation>
    </message>
    <message>
        <source>% of parent</source>
        <translation>% del grupo superior</translation>
    </message>
    <message>
        <source>% of total</source>
        <translation>% del total</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Cambio %</translation>
    </message>
    <message>
        <source>%1 of transfers and %2 of internal charges removed</source>
        <translation>Se quitaron %1 de transferencias y %2 de cargos internos</translation>
    </message>
    <message>
        <source>Removed from %1: transfers %2, internal-service charges %3</source>
        <translation>Quitado de %1: transferencias %2, cargos de servicios internos %3</translation>
    </message>
    <message>
        <source>Not in this budget: %1</source>
        <translation>No hay en este presupuesto: %1</translation>
    </message>
    <message>
        <source>%1 (selected)</source>
        <translation>%1 (seleccionado)</translation>
    </message>
    <message>
        <source>Go up to %1</source>
        <translation>Subir a %1</translation>
    </message>
    <message>
        <source>per resident</source>
        <translation>por habitante</translation>
    </message>
    <message>
        <source>(%1 dollars)</source>
        <translation>(dólares de %1)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 frente al %2</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 partidas</translation>
    </message>
    <message>
        <source>Where the money goes</source>
        <translation>Adónde va el dinero</translation>
    </message>
    <message>
        <source>blue: better than budget · orange-red: worse · darker: bigger gap</source>
        <translation>azul: mejor que el presupuesto · rojo anaranjado: peor · más oscuro: mayor diferencia</translation>
    </message>
    <message>
        <source>blue: grew · orange-red: shrank · darker: bigger change · grey: same</source>
        <translation>azul: creció · rojo anaranjado: bajó · más oscuro: mayor cambio · gris: igual</translation>
    </message>
    <message>
        <source>net of transfers</source>
        <translation>neto de transferencias</translation>
    </message>
    <message>
        <source>per resident (%1)</source>
        <translation>por habitante (%1)</translation>
    </message>
    <message>
        <source>in %1 dollars</source>
        <translation>en dólares de %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>total %1</translation>
    </message>
    <message>
        <source>vs %1</source>
        <translation>frente al %1</translation>
    </message>
    <message>
        <source>Prices: CPI-U, U.S. Bureau of Labor Statistics</source>
        <translation>Precios: CPI-U, Oficina de Estadísticas Laborales de EE. UU.</translation>
    </message>
    <message>
        <source>Nothing to draw: no positive amounts here</source>
        <translation>Nada que dibujar: aquí no hay montos positivos</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>Treemap. %1. %2</source>
        <translation>Mapa de árbol. %1. %2</translation>
    </message>
    <message>
        <source>change: %1</source>
        <translation>cambio: %1</translation>
    </message>
    <message>
        <source>Click to look inside</source>
        <translation>Haga clic para ver por dentro</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Sin comparación</translation>
    </message>
    <message>
        <source>This budget has no actuals to compare with</source>
        <translation>Este presupuesto no tiene resultados reales con qué comparar</translation>
    </message>
    <message>
        <source>Show %1 against %2: the change is the variance</source>
        <translation>Mostrar %1 frente a %2: el cambio es la variación</translation>
    </message>
    <message>
        <source>No year has both a budget and an actual: show %1 against %2 (last year&apos;s actual against the next budget)</source>
        <translation>Ningún año tiene a la vez presupuesto y resultados reales: mostrar %1 frente a %2 (lo real del año pasado frente al presupuesto siguiente)</translation>
    </message>
    <message>
        <source>Renamed &amp;departments (%1)…</source>
        <translation>Departamentos &amp;renombrados (%1)…</translation>
    </message>
</context>
</TS>
