"""The resolve core: from a `Query` to a `Resolution` and a finished `Reference`.

`pipeline` runs the resolvers it is given over the queries and asks `matching` to
choose (a score and its evidence per candidate, resolved / ambiguous / unresolved);
`merge` joins the sources' records field by field, each from the source that owns it, and
`venue_kind` decides by evidence whether the venue is a journal or a proceedings;
`normalize` is the ordered tuple of small pure steps every reference passes through;
`keys` makes citation keys; `report` turns resolutions into the JSON report and the
exit code; `progress` is how long work (here, the sources, verify, the index build) says how
far it got. No I/O and no HTTP: sources arrive as objects that satisfy
`pipeline.Resolver`.

May import: bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers,
bibnorm.errors, bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
