import reflex as rx
import sys
from ..branding import COLORS
from ..state import AuthState


class ManagePlanState(rx.State):
    """State for plan management"""
    # Current plan info
    current_tier_name: str = "free"
    current_display_name: str = "Free"
    current_price: float = 0.0
    current_tvl_limit: float = 2500.0
    current_position_limit: int = 1
    
    # Billing cycle dates
    current_period_start: str = ""
    current_period_end: str = ""
    subscription_status: str = ""
    
    # Override flags
    has_tvl_override: bool = False
    has_position_override: bool = False
    is_beta_tester: bool = False
    
    # Stripe
    stripe_customer_id: str = ""
    stripe_subscription_id: str = ""
    
    # Current usage - will be synced from LPPositionState
    current_tvl: float = 0.0
    current_positions: int = 0
    
    # UI state
    active_tab: str = "overview"
    is_loading: bool = False
    error_message: str = ""
    
    def set_active_tab(self, tab: str):
        """Switch between tabs"""
        self.active_tab = tab
    
    def set_error_message(self, message: str):
        """Explicitly set error message"""
        self.error_message = message
    
    def load_current_plan(self):
        """Load user's current plan from Supabase"""
        try:
            import os
            from supabase import create_client
            
            print("[PLAN] Loading current plan from Supabase", flush=True)
            sys.stdout.flush()
            
            # Get user ID from auth state
            auth_state = self.get_state(AuthState)
            user_id = auth_state.user_id
            
            if not user_id:
                print("[PLAN] No user_id found, skipping plan load", flush=True)
                sys.stdout.flush()
                return
            
            print(f"[PLAN]   - User ID: {user_id}", flush=True)
            sys.stdout.flush()
            
            # Initialize Supabase client
            supabase = create_client(
                os.getenv("SUPABASE_URL"),
                os.getenv("SUPABASE_KEY")
            )
            
            # Query user_effective_limits view for complete plan data
            result = supabase.table("user_effective_limits").select("*").eq("user_id", user_id).execute()
            
            if result.data and len(result.data) > 0:
                plan = result.data[0]
                print(f"[PLAN] ✓ Plan loaded from database", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Tier: {plan.get('tier_name', 'free')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Display Name: {plan.get('display_name', 'Free')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Price: ${plan.get('price_monthly', 0.0)}/mo", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Status: {plan.get('subscription_status', 'N/A')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Stripe Customer: {plan.get('stripe_customer_id', 'N/A')}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Stripe Subscription: {plan.get('stripe_subscription_id', 'N/A')}", flush=True)
                sys.stdout.flush()
                
                # Update state with plan data
                self.current_tier_name = plan.get("tier_name", "free")
                self.current_display_name = plan.get("display_name", "Free")
                self.current_price = plan.get("price_monthly", 0.0)
                self.stripe_customer_id = plan.get("stripe_customer_id", "")
                self.stripe_subscription_id = plan.get("stripe_subscription_id", "")
                self.subscription_status = plan.get("subscription_status", "")
                self.current_period_start = plan.get("current_period_start", "")
                self.current_period_end = plan.get("current_period_end", "")
                self.current_tvl_limit = plan.get("effective_tvl_limit", 2500.0)
                self.current_position_limit = plan.get("effective_position_limit", 1)
                
                print(f"[PLAN]   - TVL Limit: ${self.current_tvl_limit:,.0f}", flush=True)
                sys.stdout.flush()
                print(f"[PLAN]   - Position Limit: {self.current_position_limit}", flush=True)
                sys.stdout.flush()
            else:
                print("[PLAN] No subscription found in database, using free tier", flush=True)
                sys.stdout.flush()
                self.current_tier_name = "free"
                self.current_display_name = "Free"
                self.current_price = 0.0
                self.current_tvl_limit = 2500.0
                self.current_position_limit = 1
            
            # Sync usage data from OverviewState
            from web_ui.overview_state import OverviewState
            overview_state = self.get_state(OverviewState)
            self.current_tvl = overview_state.total_value
            self.current_positions = overview_state.total_positions
            
            print(f"[PLAN]   - Current TVL: ${self.current_tvl:,.2f}", flush=True)
            sys.stdout.flush()
            print(f"[PLAN]   - Current Positions: {self.current_positions}", flush=True)
            sys.stdout.flush()
                
        except Exception as e:
            print(f"[PLAN ERROR] Failed to load plan: {e}", flush=True)
            sys.stdout.flush()
            import traceback
            traceback.print_exc()
            sys.stdout.flush()
