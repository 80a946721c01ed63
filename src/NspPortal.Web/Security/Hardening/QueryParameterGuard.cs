using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace NspPortal.Web.Security.Hardening;

/// <summary>A typed <c>[SupplyParameterFromQuery]</c> (int, bool, Guid, …) makes Blazor throw — a 500 — when the address
/// bar carries a value that does not parse (<c>?page=abc</c>). This guard checks every page's typed query parameters
/// before the page runs, with the same parsers, and answers 400 naming the parameter instead. It reads the page's own
/// declarations, so pages added later are covered without doing anything.</summary>
internal static class QueryParameterGuard
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Name, Type Type)>> Declared = new();

    public static IApplicationBuilder UseQueryParameterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is { } page
            && FirstInvalid(page, context.Request.Query) is { } name)
        {
            var message = $"The query parameter '{name}' has a value this page cannot read.";
            if (HtmxResponses.IsHtmx(context.Request))
            {
                await HtmxResponses.RefuseAsync(context, StatusCodes.Status400BadRequest, message);
            }
            else
            {
                await ErrorPages.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad request", message);
            }

            return;
        }

        await next(context);
    });

    /// <summary>The first typed query parameter of <paramref name="page"/> whose value does not parse, or null.</summary>
    public static string? FirstInvalid(Type page, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var (name, type) in Declared.GetOrAdd(page, Discover))
        {
            if (query.TryGetValue(name, out var values) && values.Any(v => !Parses(type, v)))
            {
                return query.Keys.First(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)); // as the address spells it
            }
        }

        return null;
    }

    private static List<(string, Type)> Discover(Type page) =>
        [.. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null && p.Property.PropertyType != typeof(string))
            .Select(p => (p.Attribute!.Name ?? p.Property.Name, p.Property.PropertyType))];

    private static bool Parses(Type type, string? value)
    {
        if (type.IsArray)
        {
            return Parses(type.GetElementType()!, value);
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && string.IsNullOrEmpty(value))
        {
            return true;
        }

        var target = underlying ?? type;
        var c = CultureInfo.InvariantCulture;
        return target switch
        {
            _ when target == typeof(bool) => bool.TryParse(value, out _),
            _ when target == typeof(int) => int.TryParse(value, NumberStyles.Integer, c, out _),
            _ when target == typeof(long) => long.TryParse(value, NumberStyles.Integer, c, out _),
            _ when target == typeof(Guid) => Guid.TryParse(value, out _),
            _ when target == typeof(double) => double.TryParse(value, NumberStyles.Float, c, out _),
            _ when target == typeof(float) => float.TryParse(value, NumberStyles.Float, c, out _),
            _ when target == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, c, out _),
            _ when target == typeof(DateTime) => DateTime.TryParse(value, c, DateTimeStyles.None, out _),
            _ when target == typeof(DateOnly) => DateOnly.TryParse(value, c, out _),
            _ when target == typeof(TimeOnly) => TimeOnly.TryParse(value, c, out _),
            _ => true,
        };
    }
}
