import CLI

CommandRunner.main(root: DanvanCommand.self)
