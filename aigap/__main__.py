from aigap.cli import main

main()
