using System.CommandLine;
using NspPortal.Cli.Commands;

namespace NspPortal.Cli;

/// <summary>Entry point of <c>nsp</c>. Each command lives in its own file and adds itself to the root here.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("nsp: the NspPortal rule engine, import/export and traffic-log tools.");
        root.Add(EvaluateCommand.Create());
        root.Add(ExportCommand.Create());
        root.Add(ImportCommand.Create());
        root.Add(LogsCommand.Create());
        root.Add(SimulateCommand.Create());
        return root;
    }
}
