namespace NspPortal.Cli.Tests;

public class RootCommandTests
{
    [Fact]
    public async Task PrintsHelpAndSucceeds()
    {
        var output = new StringWriter();
        var parse = Program.BuildRoot().Parse(["--help"]);
        var exit = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output });
        Assert.Equal(0, exit);
        Assert.Contains("nsp", output.ToString(), StringComparison.Ordinal);
    }
}
