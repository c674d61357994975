<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>FrameModel</name>
    <message>
      <source>Line %1 of the imported table</source>
      <extracomment>Columns whose values are numbers: right-aligned, like a spreadsheet. Qt draws rows at ``y = row * height`` in 32-bit ints; more rows than this overflow. Light Okabe–Ito sky blue: a row the room has written a note on. Which canonical column a note's target level names. Text longer than this also comes as a tooltip, since the column may cut it short.</extracomment>
      <translation>Partida %1 de la tabla importada</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sí</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>blank</source>
      <translation>en blanco</translation>
    </message>
    <message>
      <source>The year the fiscal year ends: FY2025-26 is shown as 2026.</source>
      <translation>El año en que termina el año fiscal: FY2025-26 se muestra como 2026.</translation>
    </message>
    <message>
      <source>Which version of the numbers: actual (what happened), adopted (what the council approved), amended, proposed, recommended or estimate.</source>
      <translation>Qué versión de las cifras: actual (lo que ocurrió realmente), adopted (lo que aprobó el concejo), amended (modificado), proposed (propuesto), recommended (recomendado) o estimate (estimado).</translation>
    </message>
    <message>
      <source>Revenue comes in; expense goes out.</source>
      <translation>Los ingresos (revenue) entran; los gastos (expense) salen.</translation>
    </message>
    <message>
      <source>Money moved from one of the government's funds to another. Counted once as spending and once as revenue, so totals “net of transfers” leave it out.</source>
      <translation>Dinero que pasa de un fondo del gobierno a otro. Se cuenta una vez como gasto y otra como ingreso, por eso los totales “sin transferencias” lo excluyen.</translation>
    </message>
    <message>
      <source>The fund's number in the budget. Leading zeros are kept.</source>
      <translation>El número del fondo en el presupuesto. Se conservan los ceros a la izquierda.</translation>
    </message>
    <message>
      <source>The fund: a separate pot of money with its own rules, like a bank account.</source>
      <translation>El fondo: una bolsa de dinero aparte, con sus propias reglas, como una cuenta bancaria.</translation>
    </message>
    <message>
      <source>What kind of fund: the General Fund pays for most services; special revenue, capital, debt service, enterprise, internal service and fiduciary funds are limited to their purpose.</source>
      <translation>Qué tipo de fondo: el Fondo General paga la mayoría de los servicios; los fondos de ingresos especiales (special revenue), de capital (capital), de servicio de la deuda (debt service), empresariales (enterprise), de servicios internos (internal service) y fiduciarios (fiduciary) se limitan a su propósito.</translation>
    </message>
    <message>
      <source>Restricted money can only be spent on what a law, grant or voter measure says.</source>
      <translation>El dinero restringido solo puede gastarse en lo que indica una ley, una subvención o una medida aprobada por los votantes.</translation>
    </message>
    <message>
      <source>The department that spends or collects the money.</source>
      <translation>El departamento que gasta o recauda el dinero.</translation>
    </message>
    <message>
      <source>A part of the department.</source>
      <translation>Una parte del departamento.</translation>
    </message>
    <message>
      <source>A service or activity within the department.</source>
      <translation>Un servicio o actividad dentro del departamento.</translation>
    </message>
    <message>
      <source>The number of the revenue or expense account.</source>
      <translation>El número de la cuenta de ingresos o de gastos.</translation>
    </message>
    <message>
      <source>What the money is for (expense) or where it comes from.</source>
      <translation>En qué se usa el dinero (gasto) o de dónde viene.</translation>
    </message>
    <message>
      <source>The group the account belongs to, such as Salaries or Taxes.</source>
      <translation>El grupo al que pertenece la cuenta, como Salaries (sueldos) o Taxes (impuestos).</translation>
    </message>
    <message>
      <source>Ongoing money repeats every year; one-time money does not, so it should not pay for ongoing costs.</source>
      <translation>El dinero recurrente (ongoing) se repite cada año; el dinero único (one time) no, así que no debería pagar costos recurrentes.</translation>
    </message>
    <message>
      <source>Dollars. Revenue and expense are both positive; reductions are negative.</source>
      <translation>Dólares. Ingresos y gastos son positivos; las reducciones son negativas.</translation>
    </message>
    <message>
      <source>A stable identifier of the line, the same across years, phases and re-imports.</source>
      <translation>Un identificador estable de la partida, igual en todos los años, fases y reimportaciones.</translation>
    </message>
    <message>
      <source>The sheet of the file the amount was read from.</source>
      <translation>La hoja del archivo de la que se leyó el monto.</translation>
    </message>
    <message>
      <source>The row of the file the amount was read from, as Excel shows it.</source>
      <translation>La fila del archivo de la que se leyó el monto, como la muestra Excel.</translation>
    </message>
    <message>
      <source>The column of the file the amount was read from.</source>
      <translation>La columna del archivo de la que se leyó el monto.</translation>
    </message>
  </context>
</TS>