from termcheck.cli.main import main

main()
