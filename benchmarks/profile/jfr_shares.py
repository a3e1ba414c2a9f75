import json, sys, collections, re
# usage: jfrshare.py samples.json ROUTE_FRAME [since_iso]
data = json.load(open(sys.argv[1]))
route = sys.argv[2]
since = sys.argv[3] if len(sys.argv) > 3 else None
events = data['recording']['events']
def frames(e):
    st = e['values']['stackTrace']
    return [re.sub(r'\$\$Lambda.*', '$$Lambda', f['method']['type']['name'].replace('/', '.')) + '.' + f['method']['name'] for f in (st['frames'] if st else [])]
def bucket(top):
    n = top
    for prefix, name in [('io.metering.domain', 'domain'), ('io.metering.application', 'application'),
            ('io.metering.adapters.persistence', 'persistence adapter'), ('io.metering.adapters.http', 'http adapter'),
            ('io.metering', 'other metering'), ('org.jdbi', 'Jdbi'), ('io.leangen.geantyref', 'geantyref (Jdbi types)'),
            ('org.postgresql', 'pgjdbc'), ('com.zaxxer', 'HikariCP'), ('com.fasterxml.jackson', 'Jackson'),
            ('org.eclipse.jetty', 'Jetty'), ('io.javalin', 'Javalin'), ('com.nimbusds', 'JWT (nimbus)'),
            ('io.cloudevents', 'CloudEvents SDK'), ('java.math', 'java.math (BigDecimal)'), ('java.time', 'java.time'),
            ('java.util.regex', 'regex'), ('java.util', 'java.util'), ('java.lang', 'java.lang'), ('sun.nio', 'NIO'), ('java.nio', 'NIO'),
            ('jdk.internal', 'jdk.internal'), ('sun.', 'sun.*'), ('java.', 'java.* other')]:
        if n.startswith(prefix):
            return name
    return 'other: ' + n.split('.')[0]
pairs = collections.Counter(); tops = collections.Counter(); first = collections.Counter(); methods = collections.Counter(); total = 0
for e in events:
    if since and e['values']['startTime'] < since: continue
    fs = frames(e)
    if not any(route in f for f in fs): continue
    total += 1
    tops[bucket(fs[0])] += 1
    methods[fs[0]] += 1
    # the first project frame from the top: which of our code is responsible
    own = next((f for f in fs if f.startswith('io.metering')), 'none')
    first[own.replace('io.metering.', '')] += 1
    pairs[(own.replace('io.metering.', ''), fs[0])] += 1
print('samples', total)
print('## by package of the executing frame')
for k, v in tops.most_common(25): print(f'{100*v/total:5.1f} % {v:5d} {k}')
print('## by first project class on the stack (who asked for the work)')
for k, v in first.most_common(30): print(f'{100*v/total:5.1f} % {v:5d} {k}')
print('## top methods')
for k, v in methods.most_common(25): print(f'{100*v/total:5.1f} % {v:5d} {k}')
print('## pairs')
for k, v in pairs.most_common(30): print(f'{100*v/total:5.1f} % {v:5d} {k}')
