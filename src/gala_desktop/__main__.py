from gala_desktop.cli import main

raise SystemExit(main())
