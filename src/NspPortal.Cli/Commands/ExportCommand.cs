using System.CommandLine;
using NspPortal.Data.Services;
using NspPortal.Engine.Iac;
using NspPortal.Engine.Values;

namespace NspPortal.Cli.Commands;

/// <summary><c>nsp export --perimeter &lt;id&gt; [--format arm|bicep|terraform] [--output file]</c>: the perimeter's
/// "Export template" (the same documents as the API's <c>exportTemplate</c>), from the database or, with <c>--server</c>,
/// through the API.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var perimeter = new Option<string>("--perimeter") { Description = "ARM id of the perimeter: /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/networkSecurityPerimeters/{name}.", Required = true };
        var format = new Option<TemplateFormat>("--format") { Description = "arm (default), bicep or terraform.", DefaultValueFactory = _ => TemplateFormat.Arm };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var database = new DatabaseOptions();
        var api = new ApiOptions();
        var command = new Command("export", "Export a network security perimeter as an ARM template, Bicep or Terraform.");
        command.Options.Add(perimeter);
        command.Options.Add(format);
        command.Options.Add(output);
        database.AddTo(command);
        api.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var idText = parse.GetRequiredValue(perimeter);
            if (!ArmResourceId.TryParse(idText, out var id, out var invalid) || !id.IsOfType("Microsoft.Network/networkSecurityPerimeters") || id.ResourceGroupName is null)
            {
                await error.WriteLineAsync(invalid?.Message ?? $"'{idText}' is not the id of a network security perimeter.");
                return 2;
            }

            var (client, clientError) = api.Client(parse);
            if (clientError is not null)
            {
                await error.WriteLineAsync(clientError);
                return 2;
            }

            string document;
            if (client is not null)
            {
                using (client)
                {
                    var formatName = parse.GetValue(format).ToString().ToLowerInvariant();
                    using var response = await client.GetAsync($"{id}/exportTemplate?api-version={ApiOptions.ApiVersion}&format={formatName}", cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        await error.WriteLineAsync(await ApiOptions.DescribeErrorAsync(response, cancellationToken));
                        return 1;
                    }

                    document = await response.Content.ReadAsStringAsync(cancellationToken);
                }
            }
            else
            {
                await using var db = DatabaseOptions.Open(database.Settings(parse));
                var result = await new TemplateService(db).ExportAsync(new PerimeterPath(id.SubscriptionId.Value, id.ResourceGroupName, id.Name), parse.GetValue(format), cancellationToken);
                if (!result.Succeeded)
                {
                    await error.WriteLineAsync($"{result.Error!.Code}: {result.Error.Message}");
                    return 1;
                }

                document = result.Value!;
            }

            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, document, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Wrote {file.FullName}");
            }
            else
            {
                await parse.InvocationConfiguration.Output.WriteAsync(document);
            }

            return 0;
        });
        return command;
    }
}
