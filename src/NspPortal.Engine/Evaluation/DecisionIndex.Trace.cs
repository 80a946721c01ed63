using System.Globalization;
using NspPortal.Engine.Model;
using NspPortal.Engine.Values;

namespace NspPortal.Engine.Evaluation;

/// <summary>Trace texts. Called only when tracing (<see cref="ITrace.Enabled"/>), so they may allocate.</summary>
public sealed partial class DecisionIndex
{
    private static void TraceResource<T>(ResourceEntry resource, in ResolvedRequest request, ref T trace)
        where T : struct, ITrace
    {
        var id = resource.Id?.Value ?? request.Request?.ResourceId.Value ?? "(resource not in the configuration)";
        var detail = resource.Id is null
            ? "Not in the configuration: evaluated with Azure's defaults (not associated, publicNetworkAccess Enabled, no firewall rules)."
            : string.Create(CultureInfo.InvariantCulture,
                $"{resource.Id.TopLevelResource?.ResourceType ?? resource.Id.ResourceType}: publicNetworkAccess {resource.Access}{(resource.Listed ? "" : " (default; not in paasResources)")}, " +
                $"{Plural(resource.FirewallRules.Length, "firewall IP rule")}, trusted services {(resource.AllowTrustedServices ? "allowed" : "not allowed")}.");
        trace.Add(TraceCheck.Resource, id, TraceOutcome.Info, detail);
    }

    private static void TraceNotAssociated<T>(ResourceEntry resource, ref T trace)
        where T : struct, ITrace
    {
        if (trace.Enabled)
        {
            trace.Add(TraceCheck.Association, resource.Id?.Value ?? "(unknown resource)", TraceOutcome.NotMatched,
                "Not associated with a perimeter: the resource's own settings decide, and no perimeter logs the request (category null).");
        }
    }

    private void TraceAssociation<T>(AssociationEntry association, ref T trace)
        where T : struct, ITrace
    {
        var perimeter = _perimeters[association.Perimeter];
        trace.Add(TraceCheck.Association, $"association '{association.Name}'", TraceOutcome.Matched,
            $"In perimeter '{perimeter.Name}' ({perimeter.Guid}), {ProfileText(association.Profile)}, access mode {association.Mode.DisplayName()}.");
    }

    private static void TracePrefixRules<T>(CompiledProfile profile, in ResolvedRequest request, int position, ref T trace)
        where T : struct, ITrace
    {
        var address = IpAddressKey.FromKey(request.Address);
        if (position < 0)
        {
            trace.Add(TraceCheck.AddressPrefixRules, ProfileText(profile), TraceOutcome.NotMatched,
                string.Create(CultureInfo.InvariantCulture, $"{address} is in none of the profile's {Plural(profile.InboundPrefixCount, "inbound address prefix")}."));
            return;
        }

        var rule = profile.Rules[position];
        var prefix = rule.AddressPrefixes.First(p => p.Contains(address));
        trace.Add(TraceCheck.AddressPrefixRules, ProfileText(profile), TraceOutcome.Matched, $"{address} is in {prefix} of inbound rule '{rule.Name}'.");
    }

    private static void TraceSubscriptionRules<T>(CompiledProfile profile, in ResolvedRequest request, int position, ref T trace)
        where T : struct, ITrace
    {
        var subscription = new SubscriptionId(request.Subscription);
        trace.Add(TraceCheck.SubscriptionRules, ProfileText(profile), position >= 0 ? TraceOutcome.Matched : TraceOutcome.NotMatched, position >= 0
            ? $"{subscription} ({request.Authentication}) is listed by inbound rule '{profile.Rules[position].Name}'."
            : $"{subscription} is not listed by any inbound subscription rule.");
    }

    private static bool NamesNoResource(in ResolvedRequest request, bool destination) => request.Request is { } original
        ? (destination ? original.Destination.ResourceId : original.Source.ResourceId) is null
        : (destination ? request.Destination : request.Caller) == ResourceHandle.None;

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : noun.EndsWith('x') ? "es" : "s")}");

    private static string AddressText(in ResolvedRequest request) => IpAddressKey.FromKey(request.Address).ToString();

    private static string ProfileText(CompiledProfile profile) => profile.Exists
        ? string.Create(CultureInfo.InvariantCulture, $"profile '{profile.Name}' ({Plural(profile.Rules.Length, "rule")})")
        : $"profile '{profile.Name}' (not found in the perimeter: no rules)";

    private string PerimeterText(int perimeter) => $"perimeter '{_perimeters[perimeter].Name}'";
}
