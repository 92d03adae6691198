from reportcheck.cli.app import main

main()
