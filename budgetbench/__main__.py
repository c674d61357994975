from budgetbench.app import main

raise SystemExit(main())
