# A Django queryset runs its query when it is iterated: a synchronous `for`
# over one (or a comprehension's, or `list(qs)`) in a coroutine raises
# SynchronousOnlyOperation, or blocks the loop where that check is off.
# Building it (`filter`, `only`, a slice) sends nothing. The model is
# another module's, so the queryset's type is decided across modules, also
# through a slice, a conditional expression and a rebinding of the name.
from asgiref.sync import sync_to_async

from .models import Order
from .rows import load_rows


async def unpaid_totals():
    qs = Order.objects.filter(paid=False).only("total")
    return [o.total for o in qs]  # want: ASL202


async def process_page(offset, limit):
    queryset = Order.objects.filter(paid=False).only("id", "total")
    queryset = queryset.order_by("id")[offset : offset + limit] if limit else queryset[offset:]
    count = 0
    for order in queryset:  # want: ASL202
        count += order.total
    return count


async def first_ten():
    return list(Order.objects.all()[:10])  # want: ASL202


async def rebound_by_a_slice():
    qs = Order.objects.filter(paid=True)
    qs = qs[:5]
    for order in qs:  # want: ASL202
        print(order.total)


# A search view narrowing the queryset by each optional filter the request
# gives: the name is rebound once per filter, and however many there are,
# its value is one queryset (review28: from six filters on it was not typed).
async def search(params):
    qs = Order.objects.all()
    if params.get("paid") is not None:
        qs = qs.filter(paid=params["paid"])
    if params.get("min_total"):
        qs = qs.filter(total__gte=params["min_total"])
    if params.get("max_total"):
        qs = qs.filter(total__lte=params["max_total"])
    if params.get("exclude"):
        qs = qs.exclude(id__in=params["exclude"])
    if params.get("order"):
        qs = qs.order_by(params["order"])
    if params.get("fields"):
        qs = qs.only(*params["fields"])
    if params.get("offset"):
        qs = qs[params["offset"] :]
    if params.get("limit"):
        qs = qs[: params["limit"]]
    return [order.total for order in qs]  # want: ASL202


async def search_rows(params):
    # Quiet: one rebinding gives another module's list, so the name holds
    # values of two types.
    qs = Order.objects.all()
    if params.get("paid") is not None:
        qs = qs.filter(paid=params["paid"])
    if params.get("min_total"):
        qs = qs.filter(total__gte=params["min_total"])
    if params.get("max_total"):
        qs = qs.filter(total__lte=params["max_total"])
    if params.get("exclude"):
        qs = qs.exclude(id__in=params["exclude"])
    if params.get("order"):
        qs = qs.order_by(params["order"])
    if params.get("fields"):
        qs = qs.only(*params["fields"])
    if params.get("cached"):
        qs = load_rows()
    return [order for order in qs]


# A builtin given more than the queryset, or a loop over enumerate/zip of
# it, iterates it all the same (review28).
async def ranked(limit):
    qs = Order.objects.filter(paid=True)
    best = sorted(qs, key=lambda o: o.total, reverse=True)  # want: ASL202
    for rank, order in enumerate(qs[:limit], start=1):  # want: ASL202
        print(rank, order.total)
    for order, row in zip(Order.objects.all(), load_rows()):  # want: ASL202
        print(order, row)
    return best


async def ranked_in_a_thread(limit):
    # Quiet: the rows are a list by then; max of two values compares them.
    orders = await sync_to_async(list)(Order.objects.filter(paid=True))
    for rank, order in enumerate(orders, start=1):
        print(rank, order.total)
    return max(limit, len(orders))


# Quiet: `async for` (Django 4.1+), the evaluation in a thread, and
# synchronous code (a nested def is called from elsewhere).
async def async_iteration():
    async for order in Order.objects.filter(paid=False)[:10]:
        print(order.total)


async def in_a_thread():
    orders = await sync_to_async(list)(Order.objects.filter(paid=False))
    for order in orders:
        print(order.total)


async def builds_only():
    qs = Order.objects.filter(paid=False)[:10]
    return qs


def sync_report():
    for order in Order.objects.filter(paid=True):
        print(order.total)


async def outer():
    def helper():
        return [o.total for o in Order.objects.all()]

    return await sync_to_async(helper)()


# Quiet: the branches of a conditional give values of different types (a
# queryset, another module's list): the value's type is unknown.
async def disagreeing_branches(flag):
    rows = Order.objects.filter(paid=False) if flag else load_rows()
    for row in rows:
        print(row)
