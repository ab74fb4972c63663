import json, os
BASE = os.path.join(os.path.dirname(__file__), '..')
def inc(country, region, offense, stage, amount_kzt=None, amount=None, stage_alt=None, offense_alt=None, optional=False, note=""):
    return {"country": country, "region": region, "offense": offense, "offense_alt": offense_alt or [],
            "amount_kzt": amount_kzt or [], "amount": amount, "stage": stage, "stage_alt": stage_alt or [],
            "optional": optional, "note": note}
def cut(text, limit=2000):
    b = text.encode('utf-8')
    if len(b) <= limit: return text
    return b[:limit].decode('utf-8', 'ignore')
def write(id, lang, about, text, incidents, statistics=None, trunc=False):
    t = text.strip('\n') + '\n'
    if trunc: t = cut(t, 2000)
    open(os.path.join(BASE, 'docs', id + '.txt'), 'w', encoding='utf-8').write(t)
    g = {"id": id, "lang": lang, "about": about, "incidents": incidents, "statistics": statistics or []}
    open(os.path.join(BASE, 'gold', id + '.json'), 'w', encoding='utf-8').write(json.dumps(g, ensure_ascii=False, indent=2) + '\n')
def KZT(v): return {"value": v, "currency": "KZT"}
def CUR(v, c): return {"value": v, "currency": c}
