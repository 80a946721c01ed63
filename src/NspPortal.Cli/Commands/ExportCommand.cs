using System.CommandLine;
using NspPortal.Data.Services;
using NspPortal.Engine.Iac;
using NspPortal.Engine.Values;

namespace NspPortal.Cli.Commands;

/// <summary><c>nsp export --perimeter &lt;id&gt; [--format arm|bicep|terraform] [--output file]</c>: the perimeter's
/// "Export template" (the same documents as the API's <c>exportTemplate</c>).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var perimeter = new Option<string>("--perimeter") { Description = "ARM id of the perimeter: /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/networkSecurityPerimeters/{name}.", Required = true };
        var format = new Option<TemplateFormat>("--format") { Description = "arm (default), bicep or terraform.", DefaultValueFactory = _ => TemplateFormat.Arm };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var database = new DatabaseOptions();
        var command = new Command("export", "Export a network security perimeter as an ARM template, Bicep or Terraform.");
        command.Options.Add(perimeter);
        command.Options.Add(format);
        command.Options.Add(output);
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var idText = parse.GetRequiredValue(perimeter);
            if (!ArmResourceId.TryParse(idText, out var id, out var invalid) || !id.IsOfType("Microsoft.Network/networkSecurityPerimeters") || id.ResourceGroupName is null)
            {
                await error.WriteLineAsync(invalid?.Message ?? $"'{idText}' is not the id of a network security perimeter.");
                return 2;
            }

            await using var db = DatabaseOptions.Open(database.Settings(parse));
            var result = await new TemplateService(db).ExportAsync(new PerimeterPath(id.SubscriptionId.Value, id.ResourceGroupName, id.Name), parse.GetValue(format), cancellationToken);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"{result.Error!.Code}: {result.Error.Message}");
                return 1;
            }

            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, result.Value, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Wrote {file.FullName}");
            }
            else
            {
                await parse.InvocationConfiguration.Output.WriteAsync(result.Value);
            }

            return 0;
        });
        return command;
    }
}
